#!/usr/bin/env bash
# poems record: check validates without modifying, import/export move a record in and out of a folder.
set -u
POEMS="$1"; ROOT="$2"
FIX="$ROOT/tests/fixtures"
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# A valid record: summary and exit 0; the file is unchanged.
f="$FIX/record-migrations/v1-full.expected.json"
before=$(sha256sum "$f")
out=$("$POEMS" record check "$f") || fail "valid record: exit $?"
[ "$(sha256sum "$f")" = "$before" ] || fail "check modified a valid file"
grep -q "a valid POEMS Companion record (poems-record/3)" <<<"$out" || fail "no schema line: $out"
grep -q "lab results: 3" <<<"$out" || fail "no lab count: $out"
grep -q "dates: 2023-01-05 to 2023-07-15" <<<"$out" || fail "no date range: $out"
grep -q "findings: 2 of [0-9]* criteria marked present or absent" <<<"$out" || fail "no findings count: $out"

# An older schema: reported as migrated; the file is not changed.
f="$FIX/record-migrations/v1-full.json"
before=$(sha256sum "$f")
out=$("$POEMS" record check "$f") || fail "v1 record: exit $?"
[ "$(sha256sum "$f")" = "$before" ] || fail "check modified a v1 file"
grep -q "written in schema 1; it reads as schema 3 (the file was not changed)" <<<"$out" || fail "no migration line: $out"

# Lab results for tests the catalogue does not list: a valid record, kept and listed, not hidden.
f="$FIX/record-accepted/unknown-lab-test.json"
out=$("$POEMS" record check "$f") || fail "unknown lab tests: exit $?"
grep -q "lab results: 3" <<<"$out" || fail "unknown lab tests: not all counted: $out"
grep -q "2 lab results are for a test this version's catalogue does not list (kept as entered):" <<<"$out" ||
  fail "unknown lab tests not reported: $out"
grep -q "^    2024-01-10 labs.interleukin_6: 9.5 pg/mL (lab-2)$" <<<"$out" || fail "unknown lab test not listed: $out"
grep -q "^    2024-04-02 my clinic: IL-6: 7 pg/mL (lab-3)$" <<<"$out" || fail "hand-typed lab test not listed: $out"
grep -q "labs.vegf_serum" <<<"$out" && fail "a known test was listed as unknown: $out"
for f in "$FIX"/record-accepted/*.json; do
  "$POEMS" record check "$f" >/dev/null || fail "$(basename "$f"): an accepted record was refused"
done

# A record with a diary: every section summarised, ids this version does not know listed.
cat >"$TMP/diary.json" <<'JSON'
{"schema": "poems-record/3",
 "symptoms": [{"id": "sym-1", "date": "2020-05-01", "symptom_id": "diary.symptom.numbness_tingling", "severity": 3},
              {"id": "sym-2", "date": "2020-05-20", "symptom": "hiccups", "severity": 2},
              {"id": "sym-3", "date": "2020-05-21", "symptom_id": "diary.symptom.from_a_newer_version", "severity": 1}],
 "function": [{"id": "fn-1", "date": "2020-05-01", "walking": "diary.walking.two_aids_or_walker", "hands": "diary.hands.small_tasks_hard"},
              {"id": "fn-2", "date": "2020-06-01", "hands": "diary.hands.no_trouble"}],
 "weights": [{"id": "wt-1", "date": "2020-05-01", "value": 154, "unit": "lb"}, {"id": "wt-2", "date": "2020-04-01", "value": 72.5, "unit": "kg"}],
 "appointments": [{"id": "appt-1", "date": "2099-07-01", "title": "Haematology", "test_ids": ["labs.vegf_serum", "workup.cbc", "my.own.test"]},
                  {"id": "appt-2", "date": "2020-05-02", "title": "Neurology", "test_ids": ["monitoring.test.nerve_conduction", "workup.cbc"],
                   "done_test_ids": ["monitoring.test.nerve_conduction"]}],
 "notes": [{"id": "note-1", "date": "2020-05-02", "text": "Walked to the bus stop."}]}
JSON
out=$("$POEMS" record check "$TMP/diary.json") || fail "diary record: exit $?"
for line in "  symptom entries: 3" "  function entries (walking, hands): 2" "  weights: 2" "  diary:" \
    "    symptoms: 3 entries (2 by symptom id, 1 other); latest 2020-05-21: diary.symptom.from_a_newer_version, 1/10" \
    "    function: 2 entries; walking 2020-05-01: With two aids or a walker; hands 2020-06-01: No trouble" \
    "    weights: 2; latest 2020-05-01: 154 lb" \
    "    appointments: 2 (1 from today on); 5 tests planned, 1 confirmed done, 1 at past appointments not confirmed (they do not count as done)" \
    "    notes: 1" \
    "  2 ids this version's content does not know (the entries are kept as entered):" \
    "    /symptoms sym-3: symptom_id \"diary.symptom.from_a_newer_version\"" \
    "    /appointments appt-1: test_ids \"my.own.test\"" \
    "  dates: 2020-04-01 to 2099-07-01"; do
  grep -qxF "$line" <<<"$out" || fail "diary summary: no line '$line' in: $out"
done

# From stdin.
out=$("$POEMS" record check - < "$FIX/record-migrations/v1-minimal.json") || fail "stdin: exit $?"
grep -q "^(stdin): a valid POEMS Companion record (poems-record/1)" <<<"$out" || fail "stdin summary: $out"

# Every bad file: exit 2, each problem on stderr with its path, the file unchanged.
for f in "$FIX"/record-bad/*.json; do
  before=$(sha256sum "$f")
  err=$("$POEMS" record check "$f" 2>&1 >/dev/null); rc=$?
  [ $rc -eq 2 ] || fail "$(basename "$f"): exit $rc, expected 2"
  [ -n "$err" ] || fail "$(basename "$f"): no problem printed"
  [ "$(sha256sum "$f")" = "$before" ] || fail "$(basename "$f"): check modified the file"
done
err=$("$POEMS" record check "$FIX/record-bad/severity-11.json" 2>&1)
[ "$err" = "$FIX/record-bad/severity-11.json: /symptoms/0/severity: must be between 0 and 10, got 11" ] || fail "severity message: $err"
err=$("$POEMS" record check "$FIX/record-bad/newer-schema.json" 2>&1)
grep -q "newer version of POEMS Companion (schema 4); this version reads up to 3" <<<"$err" || fail "newer message: $err"

# A missing file and bad usage.
"$POEMS" record check "$TMP/none.json" 2>/dev/null; [ $? -eq 2 ] || fail "missing file must exit 2"
"$POEMS" record 2>/dev/null; [ $? -eq 2 ] || fail "no subcommand must exit 2"
"$POEMS" record check 2>/dev/null; [ $? -eq 2 ] || fail "no file must exit 2"

# Import without --yes changes nothing; with --yes it saves; export gives it back.
out=$("$POEMS" record import "$FIX/record-migrations/v1-full.json" --dir "$TMP/store") || fail "dry import: exit $?"
grep -q "3 lab results will be added" <<<"$out" || fail "dry import diff: $out"
[ ! -e "$TMP/store/record.json" ] || fail "a dry import wrote a record"
"$POEMS" record import "$FIX/record-migrations/v1-full.json" --dir "$TMP/store" --yes >/dev/null || fail "import --yes"
"$POEMS" record export --dir "$TMP/store" > "$TMP/export.json" || fail "export"
"$POEMS" record check "$TMP/export.json" >/dev/null || fail "the export does not check"
out=$("$POEMS" record import "$TMP/export.json" --dir "$TMP/store") || fail "re-import"
grep -q "Nothing will change" <<<"$out" || fail "re-import of the export must change nothing: $out"

# A folder holding a newer record refuses an import and keeps the file.
mkdir -p "$TMP/newer"; cp "$FIX/record-bad/newer-schema.json" "$TMP/newer/record.json"
before=$(sha256sum < "$TMP/newer/record.json")
"$POEMS" record import "$TMP/export.json" --dir "$TMP/newer" --yes >/dev/null 2>&1; [ $? -eq 2 ] || fail "import over newer must exit 2"
[ "$(sha256sum < "$TMP/newer/record.json")" = "$before" ] || fail "import overwrote a newer record"
echo "ok"
