#!/usr/bin/env bash
# The jobs behind results/cpu-2026-12-02/rt-grid-10 and sweep-10, run on the 2-core CPU sandbox from the repository
# root with synthdiv installed (no GPU was lent, so everything is at a reduced scale). Every step resumes: rerun it.
set -euo pipefail
export SYNTHDIV_PROGRESS=${SYNTHDIV_PROGRESS:-0} OMP_WAIT_POLICY=PASSIVE
out=${OUT:-runs/cpu-2026-12-02}
# 1. The 10% budget (853 reviews: 640 to train on, 213 to select on) x 3 draws (each re-draws the budget, re-tunes
#    the teacher, re-draws the annotated texts and the plan) x 4 modes, frozen students; 200 texts annotated and 120
#    rows generated per draw (label-checked by the teacher, which keeps its probabilities); teachers on 300 test reviews.
python - "$out/rt-grid-10" <<'PY'
import sys
from synthdiv.grid import GridConfig, budget_grid
budget_grid(GridConfig(budgets=[0.10], seeds=[0, 1, 2], n_annotate=200, n_generate=120, teacher_test=300,
                       teacher_epochs=2, student_method='frozen'), sys.argv[1])
PY
# 2. Frozen students on the same draws with 25, 50 and the most synthetic rows of each mode, and each way of using the
#    teacher's labels (hard, confidence-weighted, soft).
python nbs/lab/scripts/amount_sweep.py $out/rt-grid-10 --budget 0.1 --amounts 25 50 1000 --student frozen \
    --labels hard confidence soft --out $out/sweep-10-frozen
# 3. Fine-tuned students: real only, and real + the most synthetic rows of each mode with hard and with soft labels;
#    4 rounds, equal updates within a draw.
python nbs/lab/scripts/amount_sweep.py $out/rt-grid-10 --budget 0.1 --amounts 1000 --student finetune --epochs 4 \
    --labels hard soft --out $out/sweep-10-ft
