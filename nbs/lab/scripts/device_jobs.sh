#!/usr/bin/env bash
# The next GPU job: what the first one (nbs/lab/scripts/h100_2026-11-22.sh, which made results/h100-2026-11-22) left
# out. Not yet run: no GPU has been lent since.
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
# 1. the 100% budget's generate and both cells, on copies of the committed grids (finished rows are kept, only the
#    missing ones run: the 100% teacher, 500 generated reviews, then the students)
for w in ft frozen; do [ -d "$RES/grid-$w" ] || cp -r results/h100-2026-11-22/grid-$w "$RES/grid-$w"; done
(time cli grid --student finetune --budgets 1 --modes generate both --out "$RES/grid-ft") > "$RES/grid-ft-100.log" 2>&1
(time cli grid --student frozen --budgets 1 --modes generate both --out "$RES/grid-frozen") > "$RES/grid-frozen-100.log" 2>&1
# 2. the diversity experiment with the cluster-agent column (SmolLM2-135M judge, 50 rounds per dataset); its plan data
#    stays under $RES/dva/plans, small enough to bring back
(time py nbs/lab/scripts/diversity_experiment.py --out "$RES/dva" --rows 500 --student finetune --seeds 0 1 2 --agent-rounds 50) > "$RES/dva.log" 2>&1
# 3. the headline grid at its default scale (BBC leads, bert2bert students; not yet run on a GPU), with the teacher
#    trained hard enough to write (lead, headline) pairs (4 epochs at LoRA lr 1e-3; see nbs/lab/scripts/headline_joint.py)
#    Measured on the CPU since (nbs/lab/2026-11-23_headline-grids, results/cpu-2026-11-23/headline-student): a student on all 1,487 real articles scores
#    chrF 14.2, under copying the lead's first 5 words (21.2), so expect this grid's students (up to 1,200 pairs) below that too.
(time cli grid --task headlines --teacher-epochs 4 --teacher-lr 1e-3 --out "$RES/grid-headlines") > "$RES/grid-headlines.log" 2>&1
echo ALLDONE >> "$RES/versions.txt"
