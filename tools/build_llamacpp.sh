#!/usr/bin/env bash
# Build (once) and install llama-cpp-python's OpenAI-compatible server, for the slow HTTP-backend test; or, with the
# argument `server`, build llama.cpp's own `llama-server` (continuous batching over `--parallel N` slots) from the
# llama.cpp sources vendored in the same PyPI source package.
# llama-cpp-python ships only as source: compiling llama.cpp takes about 20 minutes on 2 cores, so the
# wheel is cached under $SYNTHDIV_CACHE/wheels (default ~/.cache/synthdiv/wheels) and reused afterwards;
# `llama-server` (about 15 more minutes) goes to $SYNTHDIV_CACHE/llama-server-VERSION/llama-server.
# ggml's native build turns on the AMX kernels, which crash on this CPU (llama.cpp issue #20824), so we
# build for a fixed AVX2 target instead.
#
#   bash tools/build_llamacpp.sh            # llama-cpp-python's server: python -m llama_cpp.server --model GGUF
#   bash tools/build_llamacpp.sh server     # llama-server: $SYNTHDIV_CACHE/llama-server-0.3.36/llama-server
set -euo pipefail
VERSION=${LLAMA_CPP_VERSION:-0.3.36}
CACHE=${SYNTHDIV_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/synthdiv}
WHEELS="$CACHE/wheels"
PY=${PYTHON:-python}
GGML_FLAGS="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF"
if [ "${1:-}" != server ]; then
  mkdir -p "$WHEELS"
  if ! ls "$WHEELS"/llama_cpp_python-"$VERSION"-*.whl >/dev/null 2>&1; then
    echo "building llama-cpp-python $VERSION (about 20 minutes on 2 cores) into $WHEELS"
    CMAKE_ARGS="$GGML_FLAGS -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF" \
    CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-2} \
      "$PY" -m pip wheel --no-deps -w "$WHEELS" "llama-cpp-python==$VERSION"
  fi
  "$PY" -m pip install "$WHEELS"/llama_cpp_python-"$VERSION"-*.whl
  "$PY" -m pip install "llama-cpp-python[server]==$VERSION" --find-links "$WHEELS"
  exit 0
fi
SERVER="$CACHE/llama-server-$VERSION/llama-server"
if [ ! -x "$SERVER" ]; then
  echo "building llama.cpp's llama-server from llama-cpp-python $VERSION's sources (about 15 minutes on 2 cores)"
  src=$(mktemp -d)
  trap 'rm -rf "$src"' EXIT
  "$PY" -m pip download --quiet --no-deps --no-binary :all: -d "$src" "llama-cpp-python==$VERSION"
  tar xzf "$src"/llama_cpp_python-"$VERSION".tar.gz -C "$src"
  # no network at build time: no prebuilt web UI download, no curl, no OpenSSL; a static binary
  cmake -S "$src/llama_cpp_python-$VERSION/vendor/llama.cpp" -B "$src/build" -DCMAKE_BUILD_TYPE=Release $GGML_FLAGS \
    -DBUILD_SHARED_LIBS=OFF -DLLAMA_USE_PREBUILT_UI=OFF -DLLAMA_BUILD_UI=OFF -DLLAMA_OPENSSL=OFF \
    -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_SERVER=ON >/dev/null
  cmake --build "$src/build" --target llama-server -j "${CMAKE_BUILD_PARALLEL_LEVEL:-2}"
  mkdir -p "$(dirname "$SERVER")"
  cp "$src/build/bin/llama-server" "$SERVER"
fi
echo "llama-server: $SERVER"
