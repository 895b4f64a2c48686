#!/usr/bin/env bash
# The jobs behind results/cpu-2026-12-07/rt-grid-100, sweep-100-frozen and sweep-100-ft, run on the 2-core CPU sandbox
# from the repository root with synthdiv installed (no GPU was lent, so this is a reduced scale). Every step resumes:
# rerun it.
set -euo pipefail
export SYNTHDIV_PROGRESS=${SYNTHDIV_PROGRESS:-0} OMP_WAIT_POLICY=PASSIVE
out=${OUT:-runs/cpu-2026-12-07}
PY=${PY:-.venv/bin/python}   # the environment tools/setup.sh made
# 1. The 100% budget (every training review: 8,924, of which 6,693 to train on and 2,231 to select on) x 3 draws
#    (each re-deals train and dev, re-tunes the teacher, re-draws the annotated texts and the plan) x 4 modes, frozen
#    students. Reduced scale: each teacher is tuned on 640 of the budget's training rows (`teacher_rows`, stratified,
#    re-drawn with the draw: as many as the 10% budget's teacher gets), 2 epochs; 200 pool texts annotated and 120
#    rows generated per draw (label-checked); teachers scored on 300 test reviews.
"$PY" - "$out/rt-grid-100" <<'PY'
import sys
from synthdiv.grid import GridConfig, budget_grid
budget_grid(GridConfig(budgets=[1.0], seeds=[0, 1, 2], n_annotate=200, n_generate=120, teacher_test=300,
                       teacher_epochs=2, teacher_rows=640, student_method='frozen'), sys.argv[1])
PY
# 2. Frozen students on the same draws with 25, 50 and the most synthetic rows of each mode, and each way of using the
#    teacher's labels (hard, confidence-weighted, soft).
"$PY" nbs/lab/scripts/amount_sweep.py $out/rt-grid-100 --budget 1.0 --amounts 25 50 1000 --student frozen \
    --labels hard confidence soft --out $out/sweep-100-frozen
# 3. Fine-tuned students: real only, and real + the most synthetic rows of each mode (hard labels); 2 rounds, equal
#    updates within a draw.
"$PY" nbs/lab/scripts/amount_sweep.py $out/rt-grid-100 --budget 1.0 --amounts 1000 --student finetune --epochs 2 \
    --labels hard --out $out/sweep-100-ft
