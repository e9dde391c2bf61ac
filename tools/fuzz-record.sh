#!/usr/bin/env bash
# Fuzzes the record parser for a bounded time: tools/fuzz-record.sh [SECONDS] (default 60).
# Configures a clang build folder (build-fuzz-record) with POEMS_FUZZ=ON, builds only the fuzz
# target and runs it on a scratch copy of the seed corpus tests/fuzz/corpus/record/ (the corpus in
# git stays small; new inputs libFuzzer finds go to the scratch folder). A crash leaves its input
# as build-fuzz-record/crash-* and makes this script exit non-zero.
set -euo pipefail
SECONDS_TO_RUN="${1:-60}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${POEMS_FUZZ_BUILD_DIR:-$ROOT/build-fuzz-record}"

if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
    -DPOEMS_BUILD_APP=OFF -DPOEMS_BUILD_TESTS=ON -DPOEMS_FUZZ=ON >/dev/null
fi
cmake --build "$BUILD" -j2 --target fuzz_record

CORPUS="$BUILD/fuzz-corpus-record"
mkdir -p "$CORPUS"
cp "$ROOT"/tests/fuzz/corpus/record/* "$CORPUS"/
cd "$BUILD"
# -max_len: big enough for real records with several entries; -rss_limit_mb guards the machine.
"$BUILD/tests/fuzz/fuzz_record" "$CORPUS" -max_total_time="$SECONDS_TO_RUN" -max_len=16384 \
  -rss_limit_mb=2048 -timeout=10 -print_final_stats=1
