#!/usr/bin/env bash
# poems schedule --ics: the file is checked by an independent parser (Debian's python3-icalendar),
# dates and contents included.
set -u
POEMS="$1"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
if ! /usr/bin/python3 -c 'import icalendar' 2>/dev/null; then
    echo "FAIL: /usr/bin/python3 has no icalendar module (apt-get install python3-icalendar)"
    exit 1
fi
"$POEMS" schedule --treated 2024-05-15 --today 2025-05-20 --ics "$TMP/plan.ics" >/dev/null || { echo "FAIL: exit $?"; exit 1; }
"$POEMS" schedule --treated 2024-05-15 --today 2025-05-20 --ics "$TMP/again.ics" >/dev/null
cmp -s "$TMP/plan.ics" "$TMP/again.ics" || { echo "FAIL: two exports differ"; exit 1; }
/usr/bin/python3 - "$TMP/plan.ics" <<'PY'
import datetime, sys
import icalendar
raw = open(sys.argv[1], "rb").read()
# RFC 5545: every line ends in CRLF and no physical line is longer than 75 octets.
lines = raw.split(b"\r\n")
assert lines[-1] == b"", "file must end with CRLF"
assert all(b"\n" not in l for l in lines), "bare LF found"
assert all(len(l) <= 75 for l in lines), "a line is longer than 75 octets"
cal = icalendar.Calendar.from_ical(raw)
assert str(cal["VERSION"]) == "2.0"
events = cal.walk("VEVENT")
got = [e.decoded("DTSTART") for e in events]
want = [datetime.date(2025, 8, 15), datetime.date(2025, 11, 15), datetime.date(2026, 2, 15), datetime.date(2026, 5, 15)]
assert got == want, got
for e in events:
    start = e.decoded("DTSTART")
    assert type(start) is datetime.date, "all-day events use VALUE=DATE"
    assert e.decoded("DTEND") == start + datetime.timedelta(days=1)
    assert e.decoded("DTSTAMP") == datetime.datetime(2025, 5, 20, tzinfo=datetime.timezone.utc)
    assert str(e["UID"]) == "poems-%s-t20240515@poems-companion" % start.strftime("%Y%m%d")
    summary, description = str(e["SUMMARY"]), str(e["DESCRIPTION"])
    assert summary.startswith("Monitoring after treatment: CBC, CMP, SPEP + immunofixation"), summary
    assert "- Serum VEGF\n" in description, description
    assert "Monitoring Schedule" in description
# Unfolding and unescaping round-trip: the 6-monthly item lists the nerve tests and the condition.
nov = events[1]
d = str(nov["DESCRIPTION"])
assert "- Nerve conduction studies\n" in d
assert "- Echocardiogram (Only if you had pulmonary hypertension before or have risk factors." in d
assert "Echocardiogram (?)" in str(nov["SUMMARY"])
# The yearly item has the yearly tests.
assert "Pulmonary function tests" in str(events[3]["DESCRIPTION"])
print("ok: .ics parsed by icalendar", icalendar.__version__, "with", len(events), "events")
PY

# A record's appointments from today on are events of their own: the person's title, the tests
# planned at them by name (or id when unknown), their note; a past appointment is not exported.
cat >"$TMP/record.json" <<'JSON'
{"schema": "poems-record/3",
 "events": [{"id": "e1", "date": "2024-05-15", "kind": "asct"}],
 "appointments": [{"id": "appt-1", "date": "2025-06-03", "title": "Haematology, review", "test_ids": ["labs.vegf_serum", "workup.cbc", "my.own.test"], "note": "Fasting; bring the diary"},
                  {"id": "appt-2", "date": "2025-04-01", "title": "Neurology", "test_ids": ["workup.nerve_conduction"]}]}
JSON
"$POEMS" schedule "$TMP/record.json" --today 2025-05-20 --ics "$TMP/record.ics" >/dev/null || { echo "FAIL: record export: exit $?"; exit 1; }
/usr/bin/python3 - "$TMP/record.ics" <<'PY' || exit 1
import datetime, sys
import icalendar
raw = open(sys.argv[1], "rb").read()
assert all(len(l) <= 75 for l in raw.split(b"\r\n")), "a line is longer than 75 octets"
cal = icalendar.Calendar.from_ical(raw)
appts = [e for e in cal.walk("VEVENT") if str(e["UID"]).startswith("poems-appointment-")]
assert len(appts) == 1, [str(e["UID"]) for e in appts]
a = appts[0]
assert str(a["UID"]) == "poems-appointment-appt-1@poems-companion"
assert a.decoded("DTSTART") == datetime.date(2025, 6, 3)
assert a.decoded("DTEND") == datetime.date(2025, 6, 4)
assert str(a["SUMMARY"]) == "Haematology, review", str(a["SUMMARY"])
d = str(a["DESCRIPTION"])
assert d == "- VEGF, serum\n- Complete blood count\n- my.own.test\n\nFasting; bring the diary\n", repr(d)
assert b"Neurology" not in raw
print("ok: the appointment is an event of the .ics, parsed by icalendar")
PY
