#!/usr/bin/env bash
# The jobs behind results/cpu-2026-12-02, run on the 2-core CPU sandbox from the repository root with synthdiv installed
# (no GPU was lent that day). Every step resumes where it stopped: rerun the script.
set -euo pipefail
export SYNTHDIV_PROGRESS=${SYNTHDIV_PROGRESS:-0} OMP_WAIT_POLICY=PASSIVE
out=${OUT:-runs/cpu-2026-12-02}
# 1. The Rotten Tomatoes grid at a reduced scale: budgets 1% and 5% x 3 draws (each re-draws the budget, re-tunes the
#    teacher, re-draws the annotated texts and the plan) x 4 modes, frozen students; 200 texts annotated and 120 rows
#    generated per draw, the generated rows label-checked by the teacher.
synthdiv grid --budgets 1% 5% --seeds 0 1 2 --n-annotate 200 --n-generate 120 --teacher-epochs 2 --student frozen \
    --out $out/rt-grid
# 2. Fine-tuned students on the same draws: the amount sweep and the equal-amount modes (5%), and the grid's cells
#    at the full amount (1%).
python nbs/lab/scripts/amount_sweep.py $out/rt-grid --budget 0.05 --amounts 25 50 200 --student finetune \
    --out $out/sweep-5
python nbs/lab/scripts/amount_sweep.py $out/rt-grid --budget 0.01 --amounts 200 --student finetune --out $out/sweep-1
