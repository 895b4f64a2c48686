#!/usr/bin/env bash
# Build (once) and install llama-cpp-python's OpenAI-compatible server, for the slow HTTP-backend test.
# llama-cpp-python ships only as source: compiling llama.cpp takes about 20 minutes on 2 cores, so the
# wheel is cached under $SYNTHDIV_CACHE/wheels (default ~/.cache/synthdiv/wheels) and reused afterwards.
# ggml's native build turns on the AMX kernels, which crash on this CPU (llama.cpp issue #20824), so we
# build for a fixed AVX2 target instead.
set -euo pipefail
VERSION=${LLAMA_CPP_VERSION:-0.3.36}
CACHE=${SYNTHDIV_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/synthdiv}
WHEELS="$CACHE/wheels"
PY=${PYTHON:-python}
mkdir -p "$WHEELS"
if ! ls "$WHEELS"/llama_cpp_python-"$VERSION"-*.whl >/dev/null 2>&1; then
  echo "building llama-cpp-python $VERSION (about 20 minutes on 2 cores) into $WHEELS"
  CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF" \
  CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-2} \
    "$PY" -m pip wheel --no-deps -w "$WHEELS" "llama-cpp-python==$VERSION"
fi
"$PY" -m pip install "$WHEELS"/llama_cpp_python-"$VERSION"-*.whl
"$PY" -m pip install "llama-cpp-python[server]==$VERSION" --find-links "$WHEELS"
