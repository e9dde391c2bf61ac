#!/usr/bin/env bash
# The whole test suite, from a fresh clone: set-up (first run only does real work), both builds,
# then every test through CTest with one summary at the end.
#   core_native      core unit tests (Catch2), native
#   core_wasm_node   the same core tests built with Emscripten, run by Node
#   cli_*            the `poems` command line, real binary, real files
#   asan_core, asan_cli_*  the same core and CLI tests built with clang, AddressSanitizer and UBSan
#                    (build/native-asan, which also holds the fuzz targets tools/fuzz.sh runs)
#   browser_*        headless Chromium against the browser build (dist/)
#   desktop_smoke    the desktop app in a real X window (Xvfb)
# Extra arguments go to ctest (e.g. -R browser_ to run only the browser tests).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
export NODE_PATH=/usr/share/nodejs   # Debian's Emscripten needs Debian's acorn

# The browser side (SDL2 for WebAssembly once, then the app and the wasm core tests) builds in the
# background while the native side builds: SDL2's configure step waits on one emcc at a time and
# would leave the second core idle for minutes.
mkdir -p build
wasm_log=build/wasm-release.log
echo "== building the browser app and the wasm core tests (build/wasm-release; log in $wasm_log)"
( tools/build-sdl2-wasm.sh && cmake --preset wasm-release >/dev/null && cmake --build --preset wasm-release ) \
  > "$wasm_log" 2>&1 &
wasm_pid=$!
trap 'kill $wasm_pid 2>/dev/null || true' EXIT
echo "== building the native core, CLI, content check, desktop app and tests (build/native-debug)"
cmake --preset native-debug >/dev/null
cmake --build --preset native-debug
echo "== building the core, its tests, the CLI and the fuzz targets with AddressSanitizer and UBSan (build/native-asan)"
asan_start=$SECONDS
cmake --preset native-asan >/dev/null
cmake --build --preset native-asan
echo "== sanitizer build: $((SECONDS - asan_start)) s"
if ! wait $wasm_pid; then
  tail -50 "$wasm_log"
  echo "the browser build failed: see $wasm_log" >&2
  exit 1
fi
trap - EXIT
tail -3 "$wasm_log"
echo "== running the tests"
# Two at a time: the browser tests hold CTest's "chromium" lock (one Chromium at a time), so the
# native, CLI, sanitizer and desktop tests run beside them (about 4 of the suite's 19 minutes).
ctest --test-dir build/native-debug --output-on-failure -j2 "$@"
