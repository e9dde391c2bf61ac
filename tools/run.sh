#!/usr/bin/env bash
# Builds POEMS Companion and starts it. With a display: the desktop app opens, and the browser
# build is served too. Without one: only the browser build is served. The URL is printed; Ctrl+C
# stops the server.  PORT=8080 by default (PORT=0 picks a free one).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
tools/build-sdl2-wasm.sh
export NODE_PATH=/usr/share/nodejs

cmake --preset wasm-release >/dev/null
cmake --build --preset wasm-release --target dist
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  cmake --preset native-release >/dev/null
  cmake --build --preset native-release --target poems-companion poems
  echo "Starting the desktop app: build/native-release/ui/poems-companion"
  build/native-release/ui/poems-companion &
fi
exec node tools/serve.mjs build/wasm-release/dist "${PORT:-8080}"
