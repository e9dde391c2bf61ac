#!/usr/bin/env bash
# The whole test suite, from a fresh clone: set-up (first run only does real work), both builds,
# then every test through CTest with one summary at the end.
#   core_native      core unit tests (Catch2), native
#   core_wasm_node   the same core tests built with Emscripten, run by Node
#   cli_*            the `poems` command line, real binary, real files
#   browser_*        headless Chromium against the browser build (dist/)
#   desktop_smoke    the desktop app in a real X window (Xvfb)
# Extra arguments go to ctest (e.g. -R browser_ to run only the browser tests).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
tools/build-sdl2-wasm.sh
export NODE_PATH=/usr/share/nodejs   # Debian's Emscripten needs Debian's acorn

echo "== building the browser app and the wasm core tests (build/wasm-release)"
cmake --preset wasm-release >/dev/null
cmake --build --preset wasm-release
echo "== building the native core, CLI, content check, desktop app and tests (build/native-debug)"
cmake --preset native-debug >/dev/null
cmake --build --preset native-debug
echo "== running the tests"
ctest --test-dir build/native-debug --output-on-failure "$@"
