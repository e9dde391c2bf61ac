#!/usr/bin/env bash
# poems schedule: the table for fixed scenarios, --json, and exit 2 with a clear message on bad input.
source "$(dirname "$0")/lib.sh"
expect_usage_error() { expect_error schedule "$@"; }

# 1 year after treatment: 8 dated items, statuses from the injected today.
"$POEMS" schedule --treated 2024-05-15 --today 2025-05-20 >"$TMP/out" 2>"$TMP/err" || fail "treated: exit $?"
grep -q "^2024-08-15  overdue   CBC, CMP" "$TMP/out" || fail "treated: first item"
grep -q "^2025-05-15  due " "$TMP/out" || fail "treated: the 12-month item is due"
grep -q "^2026-05-15  upcoming" "$TMP/out" || fail "treated: the 24-month item is upcoming"
[ "$(grep -cE '^20[0-9]{2}-[0-9]{2}-[0-9]{2}  ' "$TMP/out")" -eq 8 ] || fail "treated: expected 8 dated items"
grep -q "Echocardiogram (?)" "$TMP/out" || fail "treated: the echocardiogram is conditional without a record"

# Newly diagnosed: baseline tests, no dated items.
"$POEMS" schedule --diagnosed 2025-01-10 --today 2025-02-01 >"$TMP/out" 2>&1 || fail "diagnosed: exit $?"
grep -q "^due: Before treatment starts" "$TMP/out" || fail "diagnosed: baseline heading"
grep -q "to do    Echocardiogram" "$TMP/out" || fail "diagnosed: echocardiogram listed"
grep -qE '^20[0-9]{2}-' "$TMP/out" && fail "diagnosed: no dated items expected"

# Sustained remission: the extension is shown.
"$POEMS" schedule --treated 2021-01-15 --remission 2021-07-01 --today 2024-07-01 >"$TMP/out" || fail "remission: exit $?"
grep -q "Spacing out from: 2023-07-01" "$TMP/out" || fail "remission: extension start"
grep -q "^2024-07-15  due " "$TMP/out" || fail "remission: 6-monthly item"

# JSON: parseable, with the items and statuses.
"$POEMS" schedule --treated 2024-05-15 --today 2025-05-20 --json >"$TMP/out.json" || fail "json: exit $?"
/usr/bin/python3 - "$TMP/out.json" <<'PY' || fail "json: content"
import json, sys
j = json.load(open(sys.argv[1]))
items = j["items"]
assert len(items) == 8, len(items)
assert items[0]["due"] == "2024-08-15" and items[0]["status"] == "overdue"
assert items[3]["status"] == "due"
assert j["treatment"] == {"date": "2024-05-15", "kind": "treatment_start"}
assert j["recovery"]["phase_id"] == "recovery.phase.months_12_24"
assert all(w["sources"] for i in items for w in i["why"])
PY

# A record file, with a factor answered on the command line.
cat >"$TMP/record.json" <<'JSON'
{"schema": "poems-record/2",
 "events": [{"id": "e1", "kind": "asct", "date": "2024-05-15"}],
 "labs": [{"id": "l1", "test_id": "labs.vegf_serum", "value": 400, "unit": "pg/mL", "date": "2025-01-10"},
          {"id": "l2", "test_id": "labs.vegf_serum", "value": 450, "unit": "ng/L", "date": "2025-03-10"},
          {"id": "l3", "test_id": "labs.vegf_serum", "value": 700, "unit": "pg/mL", "date": "2025-05-10"}]}
JSON
"$POEMS" schedule "$TMP/record.json" --today 2025-05-20 --factor prognosis.pulmonary_hypertension=present >"$TMP/out" || fail "record: exit $?"
grep -q "! VEGF rising" "$TMP/out" || fail "record: VEGF rising signal"
grep -q "present: Pulmonary hypertension (you answered: present)" "$TMP/out" || fail "record: answered factor"
grep -q "Echocardiogram (?)" "$TMP/out" && fail "record: echocardiogram should apply once PH is present"

# Bad input: exit 2, message names the problem.
expect_usage_error '"2025-02-30" is not a valid date' --treated 2025-02-30
expect_usage_error 'unknown option "--treatd"' --treatd 2025-01-01
expect_usage_error "not both" "$TMP/record.json" --treated 2025-01-01
expect_usage_error "--remission needs --treated" --remission 2025-01-01
expect_usage_error "--remission must not be before --treated" --treated 2025-01-01 --remission 2024-01-01
expect_usage_error "give a record file, --treated or --diagnosed"
expect_usage_error "--today is given twice" --treated 2025-01-01 --today 2025-01-01 --today 2025-01-02
expect_usage_error 'unknown prognostic factor "prognosis.luck"' --treated 2025-01-01 --factor prognosis.luck=present
expect_usage_error "is not a number of months" --treated 2025-01-01 --horizon many
echo '{"schema": "poems-record/2", "labs": 5}' >"$TMP/bad.json"
"$POEMS" schedule "$TMP/bad.json" >"$TMP/out" 2>"$TMP/err"
[ $? -eq 2 ] || fail "bad record: expected exit 2"
grep -q "/labs" "$TMP/err" || fail "bad record: the message names /labs"

finish "ok: poems schedule"
