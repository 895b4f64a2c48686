#!/usr/bin/env bash
# The jobs behind results/cpu-2026-12-02, run on the 2-core CPU sandbox from the repository root with synthdiv installed
# (no GPU was lent that day, so everything is at a reduced scale). Every step resumes where it stopped: rerun it.
set -euo pipefail
export SYNTHDIV_PROGRESS=${SYNTHDIV_PROGRESS:-0} OMP_WAIT_POLICY=PASSIVE
out=${OUT:-runs/cpu-2026-12-02}
# 1. The Rotten Tomatoes grid: budgets 1% and 5% x 3 draws (each re-draws the budget, re-tunes the teacher, re-draws
#    the annotated texts and the plan) x 4 modes, frozen students; 100 texts annotated and 60 rows generated per draw
#    (label-checked by the teacher); teachers scored on 300 test reviews.
python - "$out/rt-grid" <<'PY'
import sys
from synthdiv.grid import GridConfig, budget_grid
budget_grid(GridConfig(budgets=[0.01, 0.05], seeds=[0, 1, 2], n_annotate=100, n_generate=60, teacher_test=300,
                       teacher_epochs=2, student_method='frozen'), sys.argv[1])
PY
# 2. Fine-tuned students on the same draws of the 5% budget: real only, and real + 20 or the most synthetic rows
#    of each mode (every mode at one amount); 4 rounds (to fit the session), equal updates within a draw.
python nbs/lab/scripts/amount_sweep.py $out/rt-grid --budget 0.05 --amounts 20 100 --student finetune --epochs 4 \
    --out $out/sweep-5
