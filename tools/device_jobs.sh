#!/usr/bin/env bash
# The heavy experiments of issue 7, as run on a lent GPU machine (see README "Running on a GPU").
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
(time py tools/diversity_experiment.py --out "$RES/dva" --rows 500 --student finetune --seeds 0 1 2) > "$RES/dva.log" 2>&1 &
wait
# 3. the same grid with frozen students, reusing the cached teachers
(time cli grid --student frozen --out "$RES/grid-frozen") > "$RES/grid-frozen.log" 2>&1
# 4. the headline grid (BBC leads, bert2bert students; not yet run on a GPU)
(time cli grid --task headlines --out "$RES/grid-headlines") > "$RES/grid-headlines.log" 2>&1
echo ALLDONE >> "$RES/versions.txt"
