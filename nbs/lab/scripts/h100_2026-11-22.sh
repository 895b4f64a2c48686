#!/usr/bin/env bash
# The job that made results/h100-2026-11-22 on a lent H100, exactly as it ran (this file as it stood at commit b57e6a2,
# when it was tools/device_jobs.sh; the diversity experiment was then tools/diversity_experiment.py, now
# nbs/lab/scripts/diversity_experiment.py). The lab notebook nbs/lab/2026-11-22_h100-grids reads its results.
# Expects the Python packages synthdiv needs on PYTHONPATH (or installed) and the repository as the working folder.
# Writes everything under $RES (default /root/res): each job's log, the grid folders and the diversity experiment.
set -u
RES=${RES:-/root/res}; mkdir -p "$RES"
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 HF_DATASETS_OFFLINE=1 SYNTHDIV_PROGRESS=0 PYTHONUNBUFFERED=1 TOKENIZERS_PARALLELISM=false
py() { python3 "$@"; }
cli() { py -c 'import sys; from synthdiv.cli import main; sys.exit(main())' "$@"; }
py -c 'import torch, transformers, peft, datasets, pyarrow, sentence_transformers as st, synthdiv.core as c
print("torch", torch.__version__, "cuda", torch.cuda.is_available(), "transformers", transformers.__version__, "peft", peft.__version__,
      "datasets", datasets.__version__, "pyarrow", pyarrow.__version__, "st", st.__version__, "device", c.default_device())' > "$RES/versions.txt" 2>&1
py -c 'from synthdiv.llm import smollm2_path, minilm_path; print(smollm2_path(), minilm_path())' > "$RES/models.log" 2>&1
# 1. the budget x mode grid with fine-tuned students (4 budgets x 4 modes x 3 seeds), and 2. the diversity experiment, side by side
(time cli grid --student finetune --out "$RES/grid-ft") > "$RES/grid-ft.log" 2>&1 &
sleep 90
(time py nbs/lab/scripts/diversity_experiment.py --out "$RES/dva" --rows 500 --student finetune --seeds 0 1 2) > "$RES/dva.log" 2>&1 &
wait
# 3. the same grid with frozen students, reusing the cached teachers
(time cli grid --student frozen --out "$RES/grid-frozen") > "$RES/grid-frozen.log" 2>&1
echo ALLDONE >> "$RES/versions.txt"
