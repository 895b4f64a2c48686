#!/usr/bin/env bash
# The tuned teacher through llama.cpp's own llama-server (`bash tools/build_llamacpp.sh server`): run, export,
# convert, serve with 4 parallel slots, run again through it. Tiny profile.
set -euo pipefail
export PATH=/work/main/.venv/bin:$PATH SYNTHDIV_PROGRESS=0 HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
R=${1:-/tmp/lsrun}; rm -rf $R; mkdir -p $R
SRC=${LLAMA_SRC:-/tmp/llsrc/llama_cpp_python-0.3.36}   # llama-cpp-python 0.3.36's source package, unpacked
CONVERT=$SRC/vendor/llama.cpp/convert_hf_to_gguf.py   # needs `pip install sentencepiece`
LLAMA_SERVER=${LLAMA_SERVER:-$HOME/.cache/synthdiv/llama-server-0.3.36/llama-server}
synthdiv run --profile tiny --seeds 0 --root $R/local > $R/local.log
RUN=$(ls -d $R/local/*)
synthdiv export-teacher $RUN $R/teacher-hf | tee $R/export.log
NAME=$(python -c "import json; print(json.load(open('$R/teacher-hf/synthdiv_teacher.json'))['name'])")
python $CONVERT $R/teacher-hf --outfile $R/teacher.gguf --outtype f16 > $R/convert.log 2>&1
$LLAMA_SERVER -m $R/teacher.gguf --alias "$NAME" --host 127.0.0.1 --port 8092 --parallel 4 -c 4096 > $R/server.log 2>&1 &
SERVER=$!
trap "kill $SERVER" EXIT
for i in $(seq 1 300); do curl -sf http://127.0.0.1:8092/v1/models > /dev/null && break; sleep 0.2; done
curl -s http://127.0.0.1:8092/v1/models | python -c "import json, sys; print([m['id'] for m in json.load(sys.stdin)['data']])"
synthdiv run --config $RUN/config.json --root $R/served --teacher-server http://127.0.0.1:8092/v1 > $R/served.log
SERVED=$(ls -d $R/served/*)
python - <<PY
import json
m = json.load(open('$SERVED/metrics.json'))
print('teacher:', m['teacher']['name'])
print('generated with:', m['generate']['generator'], m['generate']['counts'])
print('requests:', m['generate']['requests'])
PY
grep -A1 "Written by the teacher served" $SERVED/report.md
echo "refused for label scoring (its prompt log-probabilities are wrong):"
synthdiv run --config $RUN/config.json --root $R/scored --teacher-server http://127.0.0.1:8092/v1 --teacher-server-scores \
    2>&1 | tail -n 1 || true
