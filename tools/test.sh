#!/usr/bin/env bash
# Run the whole default test suite (offline, CPU): every notebook through nbdev's runner, plus tests/.
# NBDEV_FLAGS=slow also runs the slow cells and tests (real-model walkthroughs, the llama.cpp server test).
set -uo pipefail
cd "$(dirname "$0")/.."
VENV=${SYNTHDIV_VENV:-.venv}
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 HF_DATASETS_OFFLINE=1 SYNTHDIV_PROGRESS=0 OMP_WAIT_POLICY=PASSIVE
exec "$VENV/bin/python" -m pytest -q --durations=15 tests "$@"
