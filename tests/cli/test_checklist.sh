#!/usr/bin/env bash
# poems checklist: a stage of the action checklist, ticks and test status from a record.
set -u
POEMS="$1"; ROOT="$2"
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# No record: the suspect stage is suggested, nothing ticked.
out=$("$POEMS" checklist --today 2026-11-22) || fail "no record: exit $?"
grep -q "^If you think you might have POEMS (0 of 4 done) - suggested" <<<"$out" || fail "suggested stage: $out"
[ "$(grep -c '^\[ \] ' <<<"$out")" = 4 ] || fail "four open steps: $out"

# A record with a diagnosis, a treatment start, a tick and an M-protein result.
cat > "$TMP/record.json" <<'JSON'
{
  "schema": "poems-record/2",
  "checklist": [{"item_id": "checklist.in_treatment.keep_monitoring_schedule", "date": "2026-06-01"}],
  "events": [{"id": "ev-1", "date": "2026-03-10", "kind": "diagnosis"},
             {"id": "ev-2", "date": "2026-04-02", "kind": "treatment_start"}],
  "labs": [{"id": "lab-1", "date": "2026-07-15", "test_id": "labs.m_protein", "value": 0.2, "unit": "g/dL"}],
  "appointments": [{"id": "ap-1", "date": "2026-12-01", "title": "Neurology", "test_ids": ["workup.nerve_conduction"]}]
}
JSON
out=$("$POEMS" checklist --record "$TMP/record.json" --today 2026-11-22) || fail "record: exit $?"
grep -q "^If you are in treatment or recovery (1 of 5 done)" <<<"$out" || fail "treatment stage: $out"
grep -q "^\[x\] Keep to the monitoring schedule$" <<<"$out" || fail "tick shown: $out"
grep -q "^    done on 2026-06-01$" <<<"$out" || fail "tick date: $out"
grep -q "immunofixation: result on 2026-07-15$" <<<"$out" || fail "M-protein result via labs.json: $out"
grep -q ": planned on 2026-12-01$" <<<"$out" || fail "planned nerve conduction: $out"

# Any stage can be opened, by short or full id.
out=$("$POEMS" checklist --record "$TMP/record.json" --stage family --today 2026-11-22) || fail "--stage family: exit $?"
grep -q "^For family and caregivers (0 of 4 done)$" <<<"$out" || fail "family stage: $out"
"$POEMS" checklist --stage stage.suspect --today 2026-11-22 >/dev/null || fail "--stage stage.suspect"

# The ask-my-doctor text: open steps only, the date, the disclaimer.
out=$("$POEMS" checklist --record "$TMP/record.json" --ask --today 2026-11-22) || fail "--ask: exit $?"
grep -q "^What to ask my doctor$" <<<"$out" || fail "ask header: $out"
grep -q "^2026-11-22$" <<<"$out" || fail "ask date: $out"
grep -q "Keep to the monitoring schedule" <<<"$out" && fail "ticked step listed: $out"
grep -q "does not diagnose" <<<"$out" || fail "disclaimer: $out"

# Bad usage: exit 2.
err=$("$POEMS" checklist --stage later 2>&1 >/dev/null); rc=$?
[ "$rc" = 2 ] || fail "unknown stage: exit $rc"
grep -q 'use one of: suspect, just_diagnosed, in_treatment, family' <<<"$err" || fail "allowed stages: $err"
"$POEMS" checklist --record "$TMP/missing.json" >/dev/null 2>&1; rc=$?; [ "$rc" = 2 ] || fail "missing record: exit $rc"
echo '{"schema": "poems-record/2", "checklist": [{"item_id": 5}]}' > "$TMP/bad.json"
"$POEMS" checklist --record "$TMP/bad.json" >/dev/null 2>&1; rc=$?; [ "$rc" = 2 ] || fail "bad record: exit $rc"
"$POEMS" checklist --today 2026-13-01 >/dev/null 2>&1; rc=$?; [ "$rc" = 2 ] || fail "bad --today: exit $rc"
echo "ok"
