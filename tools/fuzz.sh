#!/usr/bin/env bash
# Runs one libFuzzer target for a bounded time: tools/fuzz.sh TARGET [SECONDS] (default 60).
#   record    the record parser, and the save/load round trip of what it reads
#   journal   the record journal: changes replayed onto a record (record_journal.hpp)
#   findings  poems-findings/1 as `poems criteria` reads it
#   content   one content file swapped into the real content set
#   settings  the display settings (text size, colours)
# The targets are tests/fuzz/fuzz_TARGET.cpp, built in the sanitizer build folder (the native-asan
# preset: clang, AddressSanitizer, UBSan; configured here if tools/test.sh has not already). Each
# run starts from a scratch copy of the target's seeds in build/native-asan/fuzz/TARGET/corpus
# (what libFuzzer adds stays there, never in git). A crash, hang or leak keeps its input in
# build/native-asan/fuzz/TARGET/ (the path is printed) and makes this script exit non-zero; replay
# it with build/native-asan/tests/fuzz/fuzz_TARGET FILE.
set -euo pipefail
TARGET="${1:-}"
SECONDS_TO_RUN="${2:-60}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${POEMS_ASAN_BUILD_DIR:-$ROOT/build/native-asan}"
F="$ROOT/tests/fixtures"

case "$TARGET" in
  record)   seeds=("$ROOT"/tests/fuzz/corpus/record/* "$F"/record-bad/*.json "$F"/record-migrations/*.json); max_len=16384 ;;
  journal)  seeds=("$ROOT"/tests/fuzz/corpus/journal/*); max_len=16384 ;;
  findings) seeds=("$F"/findings-bad/*.json "$F"/vignettes/*.json); max_len=8192 ;;
  content)  seeds=("$ROOT"/content/*.json "$F"/content-bad/*.json); max_len=65536 ;;
  settings) seeds=("$ROOT"/tests/fuzz/corpus/settings/*); max_len=4200 ;;
  *) echo "usage: tools/fuzz.sh record|journal|findings|content|settings [SECONDS]" >&2; exit 2 ;;
esac

if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  (cd "$ROOT" && cmake --preset native-asan >/dev/null)
fi
# (flock: .ci/run fuzzes two targets at a time, and two builds must not share the folder at once.)
flock "$BUILD/.fuzz-build.lock" cmake --build "$BUILD" -j2 --target "fuzz_$TARGET" >/dev/null

WORK="$BUILD/fuzz/$TARGET"
CORPUS="$WORK/corpus"
mkdir -p "$CORPUS"
for seed in "${seeds[@]}"; do  # named after their folder: two folders may hold the same name
  cp "$seed" "$CORPUS/seed-$(basename "$(dirname "$seed")")-$(basename "$seed")"
done
LOG="$WORK/last-run.log"
echo "== fuzzing $TARGET for ${SECONDS_TO_RUN} s (${#seeds[@]} seeds; log in $LOG)"
# -max_len: the largest seed fits; -rss_limit_mb guards the machine; -timeout: a hang is a finding.
status=0
"$BUILD/tests/fuzz/fuzz_$TARGET" "$CORPUS" -max_total_time="$SECONDS_TO_RUN" -max_len="$max_len" \
  -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 -artifact_prefix="$WORK/" > "$LOG" 2>&1 || status=$?
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$LOG")
if [ $status != 0 ]; then
  tail -60 "$LOG"
  kept=$(ls -t "$WORK"/crash-* "$WORK"/timeout-* "$WORK"/leak-* "$WORK"/oom-* 2>/dev/null | head -1 || true)
  echo "fuzz $TARGET: FAILED after ${runs:-?} runs; the input is kept in ${kept:-$WORK}" >&2
  echo "  replay: $BUILD/tests/fuzz/fuzz_$TARGET ${kept:-FILE}" >&2
  exit 1
fi
echo "fuzz $TARGET: ${runs:-?} runs in ${SECONDS_TO_RUN} s, no finding; corpus $(ls "$CORPUS" | wc -l) inputs (from ${#seeds[@]} seeds)"
