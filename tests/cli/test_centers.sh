#!/usr/bin/env bash
# poems centers: the compiled-in expert-center directory, filtered; readable text or JSON.
set -u
POEMS="$1"; ROOT="$2"
fail() { echo "FAIL: $*"; exit 1; }

# Every center by default, with the referral steps once, no phone numbers or web addresses.
out=$("$POEMS" centers) || fail "plain list: exit $?"
grep -q "^Expert centers: 8 of 8$" <<<"$out" || fail "count line: $out"
[ "$(grep -c '\[center\.' <<<"$out")" = 8 ] || fail "not 8 centers listed: $out"
grep -q "^How to get referred:$" <<<"$out" || fail "no referral section: $out"
grep -qiE "https?://|www\." <<<"$out" && fail "a web address appears: $out"

# Accents and case do not matter; the accented name is printed as written.
for q in hopitaux HÔPITAUX Hôpitaux; do
    out=$("$POEMS" centers --search "$q") || fail "--search $q: exit $?"
    grep -q "^Assistance Publique – Hôpitaux de Paris (AP-HP)  \[center.aphp\]$" <<<"$out" || fail "--search $q: $out"
    grep -q "^Expert centers: 1 of 8$" <<<"$out" || fail "--search $q count: $out"
done

# Several words: all must match.
out=$("$POEMS" centers --search "london registry") || fail "two words: exit $?"
grep -q "center.uclh" <<<"$out" || fail "two words: $out"

# No match: exit 1 and a hint.
out=$("$POEMS" centers --search "zzzz"); rc=$?
[ "$rc" = 1 ] || fail "no match: exit $rc"
grep -q "No center matches" <<<"$out" || fail "no match text: $out"

# Region and remote filters, alone and together.
out=$("$POEMS" centers --region asia) || fail "--region asia: exit $?"
[ "$(grep -c '\[center\.' <<<"$out")" = 3 ] || fail "asia: $out"
out=$("$POEMS" centers --remote) || fail "--remote: exit $?"
[ "$(grep -o '\[center\.[a-z_]*\]' <<<"$out" | tr '\n' ' ')" = "[center.mayo] [center.uclh] " ] || fail "--remote: $out"
out=$("$POEMS" centers --region europe --remote) || fail "europe remote: exit $?"
[ "$(grep -o '\[center\.[a-z_]*\]' <<<"$out" | tr '\n' ' ')" = "[center.uclh] " ] || fail "europe remote: $out"
"$POEMS" centers --region asia --remote >/dev/null; rc=$?
[ "$rc" = 1 ] || fail "asia remote should match nothing: exit $rc"

# Regions as people type them: the name or the id, in any case.
for typed in Europe EUROPE "north america" North-America; do
  "$POEMS" centers --region "$typed" >/dev/null || fail "--region \"$typed\": exit $?"
done
out=$("$POEMS" centers --region "North America" --json) || fail "--region \"North America\" --json: exit $?"
grep -q '"region": "north_america"' <<<"$out" || fail "the query names the region by its id: $out"

# An unknown region: exit 2 and the allowed values on stderr.
err=$("$POEMS" centers --region mars 2>&1 >/dev/null); rc=$?
[ "$rc" = 2 ] || fail "unknown region: exit $rc"
grep -q 'unknown region "mars"; use one of: north_america, europe, asia' <<<"$err" || fail "allowed values: $err"

# Bad usage: exit 2.
"$POEMS" centers --bogus >/dev/null 2>&1; rc=$?; [ "$rc" = 2 ] || fail "unknown option: exit $rc"
"$POEMS" centers --search >/dev/null 2>&1; rc=$?; [ "$rc" = 2 ] || fail "--search without words: exit $rc"

# Details: the copy text with sources and the checked date.
out=$("$POEMS" centers --search mayo --details) || fail "--details: exit $?"
grep -q "^Remote consultation from abroad: accepted, according to our sources$" <<<"$out" || fail "details remote: $out"
grep -q "^- Guide (004), Expert Centers › North America$" <<<"$out" || fail "details source: $out"
grep -q "^Checked against the source on [0-9-]* (source dated 2026-04)$" <<<"$out" || fail "details checked: $out"

# JSON: valid, the tri-state kept (true or "not_stated", never false for an unstated center).
json=$("$POEMS" centers --json) || fail "--json: exit $?"
python3 - "$json" <<'PY' || fail "JSON content"
import json, sys
d = json.loads(sys.argv[1])
assert d["count"] == 8 and len(d["centers"]) == 8, d["count"]
remote = {c["id"]: c["accepts_international_remote_consultation"] for c in d["centers"]}
assert remote["center.mayo"] is True and remote["center.uclh"] is True, remote
assert all(v == "not_stated" for k, v in remote.items() if k not in ("center.mayo", "center.uclh")), remote
aphp = [c for c in d["centers"] if c["id"] == "center.aphp"][0]
assert aphp["name"] == "Assistance Publique – Hôpitaux de Paris", aphp["name"]
assert all(c["checked"] and c["sources"] for c in d["centers"])
PY
json=$("$POEMS" centers --json --search peking) || fail "--json --search: exit $?"
python3 -c 'import json,sys; d=json.loads(sys.argv[1]); assert [c["id"] for c in d["centers"]] == ["center.pumch"]' "$json" \
    || fail "json search: $json"
echo "ok"
