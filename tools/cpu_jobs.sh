#!/usr/bin/env bash
# The jobs behind results/cpu-2026-11-22, run on the 2-core CPU from the repository root with synthdiv installed.
# Every step resumes where it stopped (rerun the script); the results are then copied into results/.
set -euo pipefail
export SYNTHDIV_PROGRESS=${SYNTHDIV_PROGRESS:-0} OMP_WAIT_POLICY=PASSIVE
# 1. The headline grid, small enough for a CPU: budgets of 50 and 200 articles x 4 modes x 3 seeds (about 75 minutes).
synthdiv grid --task headlines --budgets 50 200 --n-annotate 200 --n-generate 100 --teacher-epochs 2 --student-epochs 3 \
    --test-rows 150 --out runs/headlines-cpu
# 2. The real-only students of the 100% Rotten Tomatoes budget, added to copies of the H100 grids (frozen: 3 seeds x
#    none/annotate, a few minutes; fine-tuned: 3 seeds of 18 to 28 minutes each).
#    (Run here first as tools/rt100_students.py, a wrapper around budget_grid; these commands accept the same folders and
#    settings and, on the finished folders, add no row.)
mkdir -p runs/rt100
for w in frozen ft; do [ -d runs/rt100/$w ] || cp -r results/h100-2026-11-22/grid-$w runs/rt100/$w; done
synthdiv grid --student frozen --budgets 1 --modes none annotate --seeds 0 1 2 --out runs/rt100/frozen
synthdiv grid --student finetune --budgets 1 --modes none --seeds 0 1 2 --out runs/rt100/ft
# 3. The 100% budget's generate and both cells on the same copies: the 100% teacher first (3 epochs of 586,344 tokens,
#    about 4 hours on 2 cores; it checkpoints every 10 minutes, so stopping and rerunning loses at most that), then the
#    500 generated reviews, the frozen students, and the fine-tuned ones (6 students of about 20 minutes each).
synthdiv grid --student frozen --budgets 1 --modes generate both --seeds 0 1 2 --out runs/rt100/frozen
synthdiv grid --student finetune --budgets 1 --modes generate both --seeds 0 1 2 --out runs/rt100/ft
# 4. Keep the rows and stage results (not the models or datasets).
res=results/cpu-2026-11-22; mkdir -p $res/headlines
cp runs/headlines-cpu/grid.jsonl runs/headlines-cpu/grid_config.json $res/headlines/
for b in runs/headlines-cpu/budget-*; do mkdir -p $res/headlines/$(basename $b); cp -r $b/stages $res/headlines/$(basename $b)/; done
for w in frozen ft; do grep '"budget":1.0' runs/rt100/$w/grid.jsonl | grep -v '"teacher"' > $res/rt-100-$w.jsonl; done
