#!/usr/bin/env bash
# Prints the project's figures: sizes and timings of the browser and desktop apps beside the bare
# ImGui demo, with the record's save/load and per-change figures (tools/bench/bench.mjs), then the
# other core benchmarks (schedule, centers search, content load). Release builds; figures are printed, never asserted.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh >/dev/null
tools/build-sdl2-wasm.sh
export NODE_PATH=/usr/share/nodejs
cmake --preset wasm-release >/dev/null
cmake --build --preset wasm-release --target dist imgui-demo bench-record-web
cmake --preset native-release >/dev/null
cmake --build --preset native-release --target poems-companion imgui-demo bench_record bench_schedule bench_centers bench_content
node tools/bench/bench.mjs build/wasm-release build/native-release
echo; echo "== core benchmarks (native, Release; bench_record ran above, in bench.mjs)"
build/native-release/tools/bench/bench_schedule
build/native-release/tools/bench/bench_centers
build/native-release/tools/bench/bench_content
