#!/usr/bin/env bash
# Crash safety on a real disk: `poems record import --yes` is killed with SIGKILL at random points
# while it saves a large record. Afterwards the folder must hold the old or the new record (as
# record.json, or as record.json.bak when the kill fell between the two renames), never a broken one.
set -u
POEMS="$1"; ROOT="$2"
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# Two different records of 1,500 lab results each.
make_record() {  # $1 = a number that makes the values differ
  awk -v k="$1" 'BEGIN {
    printf "{\"schema\": \"poems-record/2\", \"labs\": [";
    for (i = 1; i <= 1500; i++) {
      printf "%s{\"id\": \"lab-%d\", \"date\": \"20%02d-%02d-%02d\", \"test_id\": \"labs.vegf_serum\", \"value\": %d.%d, \"unit\": \"pg/mL\", \"note\": \"entry %d of run %d\"}",
        (i > 1 ? "," : ""), i, 10 + i % 15, 1 + i % 12, 1 + i % 28, i * k, k, i, k;
    }
    printf "]}\n";
  }'
}
make_record 3 > "$TMP/a.json"
make_record 7 > "$TMP/b.json"
"$POEMS" record check "$TMP/a.json" >/dev/null || fail "generated record a does not check"

# The exact bytes a completed save of each writes.
for x in a b; do
  "$POEMS" record import "$TMP/$x.json" --dir "$TMP/ref-$x" --yes >/dev/null || fail "reference save $x"
  eval "sum_$x=\$(sha256sum < \"$TMP/ref-$x/record.json\")"
done

D="$TMP/store"
"$POEMS" record import "$TMP/a.json" --dir "$D" --yes >/dev/null || fail "first save"
start=$(date +%s%N)
"$POEMS" record import "$TMP/a.json" --dir "$D" --yes >/dev/null || fail "second save"
# Kills spread over the later part of an import, where the save happens (it reads and checks first).
ms=$(( ($(date +%s%N) - start) / 1000000 + 1 ))
# At least 15 rounds, and on until a kill has landed in the middle of a save (at most 60): a run
# in which no kill hit a save would show nothing.
rounds=0
done_=0; mid=0; early=0
while [ $rounds -lt 15 ] || { [ $mid -eq 0 ] && [ $rounds -lt 60 ]; }; do
  rounds=$((rounds + 1)); i=$rounds
  src="$TMP/a.json"; [ $((i % 2)) -eq 0 ] && src="$TMP/b.json"
  rm -f "$D/record.json.tmp"  # left by the previous kill (already checked); so a new one can be seen
  "$POEMS" record import "$src" --dir "$D" --yes >/dev/null 2>&1 &
  pid=$!
  if [ $((i % 3)) -eq 0 ]; then
    # A random moment in the later part of the import.
    delay=$(( ms / 3 + RANDOM % (ms + 1) ))
    sleep "$((delay / 1000)).$(printf %03d $((delay % 1000)))"
  else
    # The save itself is a few milliseconds: wait (busily, with shell built-ins only) until the
    # temporary file appears, then let a random number of further checks pass before the kill.
    while [ ! -e "$D/record.json.tmp" ] && kill -0 "$pid" 2>/dev/null; do :; done
    spin=$((RANDOM % 300)); while [ $spin -gt 0 ]; do spin=$((spin - 1)); [ -e "$D/record.json" ]; done
  fi
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null; rc=$?
  if [ $rc -eq 0 ]; then done_=$((done_ + 1))
  elif [ -e "$D/record.json.tmp" ] || [ ! -e "$D/record.json" ]; then mid=$((mid + 1))
  else early=$((early + 1)); fi

  if [ -e "$D/record.json" ]; then f="$D/record.json"; else f="$D/record.json.bak"; fi
  [ -e "$f" ] || fail "round $i: neither record.json nor record.json.bak exists"
  sum=$(sha256sum < "$f")
  [ "$sum" = "$sum_a" ] || [ "$sum" = "$sum_b" ] || fail "round $i: $(basename "$f") is neither the old nor the new record"
  ls "$D" | grep -q broken && fail "round $i: a record file was found broken"
done
[ $mid -ge 1 ] || fail "no kill landed while a save was in progress in $rounds rounds: the test showed nothing"
# The store's own load agrees: the folder still reads.
"$POEMS" record export --dir "$D" > "$TMP/out.json" 2>"$TMP/export.err" || fail "export after the kills: $(cat "$TMP/export.err")"
"$POEMS" record check "$TMP/out.json" >/dev/null || fail "the record after the kills does not check"
echo "ok: $rounds imports, $done_ completed, $early killed before saving, $mid killed while saving (one import takes about $ms ms)"
