#!/usr/bin/env bash
# poems summary: the visit summary and the letter, as HTML and as text, for the document fixtures;
# -o; the HTML is strict HTML5 (html5lib, when installed); the browser app's CSP allows the
# document's one <style> by its hash; exit 2 with a clear message on a bad record or bad usage.
source "$(dirname "$0")/lib.sh"
FIX="$ROOT/tests/fixtures/documents"
expect_summary_error() { expect_error summary "$@"; }

# Visit summary, text: the sections the 1-year-after-ASCT record calls for, citations, sources.
"$POEMS" summary "$FIX/asct-1-year.json" --format text --today 2025-06-15 >"$TMP/s.txt" 2>"$TMP/err" \
    || fail "summary text: exit $? $(cat "$TMP/err")"
head -1 "$TMP/s.txt" | grep -qx "Visit summary" || fail "summary text: title"
for heading in "The published criteria, item by item" "Treatment timeline" "Latest lab results" \
               "Monitoring due or overdue in the next three months" "Recent diary entries" "Sources cited"; do
    grep -qxF "$heading" "$TMP/s.txt" || fail "summary text: heading \"$heading\""
done
grep -qF "Prepared by the person with POEMS Companion — not a medical record." "$TMP/s.txt" || fail "summary text: prepared by"
grep -qF "Name: Maria Example" "$TMP/s.txt" || fail "summary text: name"
grep -qE "^- 2024-06-10: Stem cell transplant \(ASCT\)" "$TMP/s.txt" || fail "summary text: ASCT on the timeline"
grep -qE "^- VEGF serum.*\[[0-9, ]+\]: 2024-09-10: 1300; 2024-12-12: 820; 2025-03-14: 610 \| pg/mL \| falling$" "$TMP/s.txt" \
    || fail "summary text: VEGF row: $(grep -i 'vegf' "$TMP/s.txt" | head -2)"
grep -qE "^\[1\] " "$TMP/s.txt" || fail "summary text: numbered sources"
grep -qF "Am J Hematol" "$TMP/s.txt" || fail "summary text: the criteria publication in full"
grep -q "<" "$TMP/s.txt" && fail "summary text: markup in the text output"

# Visit summary, HTML, to a file with -o.
"$POEMS" summary "$FIX/asct-1-year.json" --today 2025-06-15 -o "$TMP/s.html" 2>"$TMP/err" || fail "summary html: exit $?"
grep -qF "wrote $TMP/s.html" "$TMP/err" || fail "summary html: says where it wrote"
head -2 "$TMP/s.html" | grep -qF '<html lang="en">' || fail "summary html: lang"
grep -qF "@page" "$TMP/s.html" || fail "summary html: print CSS"
[ "$(grep -o '<svg' "$TMP/s.html" | wc -l)" -eq 8 ] || fail "summary html: 8 charts expected"
grep -qiE "<script|<link|src=" "$TMP/s.html" && fail "summary html: scripts or external resources"

# Letter, both formats, with the person's own paragraph.
"$POEMS" summary "$FIX/pre-diagnosis.json" --letter --format text --today 2025-03-01 \
    --paragraph "My feet have been numb for two years." >"$TMP/l.txt" 2>"$TMP/err" || fail "letter text: exit $?"
head -1 "$TMP/l.txt" | grep -qx "Request for an evaluation for POEMS syndrome" || fail "letter text: title"
for want in "Dear Doctor," "My findings" "Why I am asking" "Tests not done yet" "In my own words" \
            "My feet have been numb for two years." "Expert centers with remote consultation" \
            "Serum VEGF" "Serum free light chain assay" "Earlier diagnosis: CIDP" "Mayo Clinic"; do
    grep -qF "$want" "$TMP/l.txt" || fail "letter text: lacks \"$want\""
done
grep -qF "Dispenzieri" "$TMP/l.txt" || fail "letter text: the published criteria"
"$POEMS" summary "$FIX/pre-diagnosis.json" --letter --today 2025-03-01 >"$TMP/l.html" || fail "letter html: exit $?"
grep -qF "<h2 id=\"h-tests\">Tests not done yet</h2>" "$TMP/l.html" || fail "letter html: tests heading"

# Empty record: the summary still says what it is and that it is not a diagnosis.
"$POEMS" summary "$FIX/empty.json" --format text --today 2025-01-01 >"$TMP/e.txt" || fail "empty: exit $?"
grep -qF "not a medical record" "$TMP/e.txt" || fail "empty: prepared by"
grep -qF "does not diagnose" "$TMP/e.txt" || fail "empty: not a diagnosis"
grep -qxF "Latest lab results" "$TMP/e.txt" && fail "empty: no lab section expected"

# Standard input.
"$POEMS" summary - --format text --today 2025-01-01 <"$FIX/empty.json" >"$TMP/e2.txt" || fail "stdin: exit $?"
cmp -s "$TMP/e.txt" "$TMP/e2.txt" || fail "stdin: differs from the file"

# Strict HTML5 parse, when Debian's python3-html5lib is installed (tools/setup.sh installs it).
if /usr/bin/python3 -c "import html5lib" 2>/dev/null; then
    for f in "$TMP/s.html" "$TMP/l.html"; do
        /usr/bin/python3 "$ROOT/tests/documents/check_html.py" "$f" || fail "html5lib strict: $f"
    done
    "$POEMS" summary "$FIX/ten-year.json" --today 2026-01-10 -o "$TMP/t.html" 2>/dev/null
    /usr/bin/python3 "$ROOT/tests/documents/check_html.py" "$TMP/t.html" || fail "html5lib strict: ten-year"
else
    echo "note: python3-html5lib not installed, strict HTML check skipped (tools/setup.sh installs it)"
fi

# The browser app's CSP allows the document's stylesheet by its SHA-256 (style-src), nothing more.
hash="$(/usr/bin/python3 - "$TMP/s.html" <<'PY'
import base64, hashlib, re, sys
html = open(sys.argv[1], encoding="utf-8").read()
styles = re.findall(r"<style>(.*?)</style>", html, re.S)
assert len(styles) == 1, len(styles)
print("'sha256-" + base64.b64encode(hashlib.sha256(styles[0].encode()).digest()).decode() + "'")
PY
)"
for page in index.html embed.html; do
    csp="$(grep -o 'Content-Security-Policy" content="[^"]*"' "$ROOT/web/$page")"
    echo "$csp" | grep -qF "style-src 'self' $hash" || fail "web/$page: style-src lacks the document's hash $hash"
    echo "$csp" | grep -qE "script-src[^;]*sha256" && fail "web/$page: script-src must not change"
done

# Bad input: exit 2, a message naming the problem and where, nothing on stdout.
printf '{"schema": "poems-record/2", "labs": [{"id": "a", "date": "2025-02-30", "test_id": "x", "value": 1, "unit": "g"}]}' >"$TMP/bad.json"
expect_summary_error "/labs/0/date" "$TMP/bad.json"
expect_summary_error "is not a valid record" "$TMP/bad.json"
printf '{"schema": "poems-record/2",' >"$TMP/broken.json"
expect_summary_error "broken.json" "$TMP/broken.json"
expect_summary_error "cannot open" "$TMP/missing.json"
expect_summary_error "which record?"
expect_summary_error "--format must be html or text" "$FIX/empty.json" --format pdf
expect_summary_error "not a valid date" "$FIX/empty.json" --today 2025-13-01
expect_summary_error "unknown option \"--lettre\"" "$FIX/empty.json" --lettre

finish "summary CLI: all checks passed"
