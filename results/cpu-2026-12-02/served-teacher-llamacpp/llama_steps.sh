#!/usr/bin/env bash
# The tuned teacher through the real llama.cpp server (llama-cpp-python's): run, export, convert, serve, run again.
set -euo pipefail
export PATH=/work/main/.venv/bin:$PATH SYNTHDIV_PROGRESS=0 HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
R=${1:-/tmp/llrun}; rm -rf $R; mkdir -p $R
CONVERT=/tmp/llama_cpp_python-0.3.36/vendor/llama.cpp/convert_hf_to_gguf.py
synthdiv run --profile tiny --seeds 0 --root $R/local > $R/local.log
RUN=$(ls -d $R/local/*)
synthdiv export-teacher $RUN $R/teacher-hf | tee $R/export.log
NAME=$(python -c "import json; print(json.load(open('$R/teacher-hf/synthdiv_teacher.json'))['name'])")
python $CONVERT $R/teacher-hf --outfile $R/teacher.gguf --outtype f16 > $R/convert.log 2>&1
python -m llama_cpp.server --model $R/teacher.gguf --model_alias "$NAME" --host 127.0.0.1 --port 8091 --n_ctx 2048 > $R/server.log 2>&1 &
SERVER=$!
trap "kill $SERVER" EXIT
for i in $(seq 1 300); do curl -sf http://127.0.0.1:8091/v1/models > /dev/null && break; sleep 0.2; done
curl -s http://127.0.0.1:8091/v1/models
echo
synthdiv run --config $RUN/config.json --root $R/served --teacher-server http://127.0.0.1:8091/v1 > $R/served.log
SERVED=$(ls -d $R/served/*)
python - <<PY
import json
m = json.load(open('$SERVED/metrics.json'))
print('teacher:', m['teacher']['name'])
print('generated with:', m['generate']['generator'], m['generate']['counts'])
print('requests:', m['generate']['requests'])
PY
grep -A1 "Written by the teacher served" $SERVED/report.md
