#!/usr/bin/env bash
# poems criteria: every vignette through the real binary (--json and text), bad input -> exit 2
# with a message naming the key, usage errors -> exit 2.
# Run as: bash test_criteria.sh <path-to-poems> <repo-root>
source "$(dirname "$0")/lib.sh"

# Every vignette: extract .findings, run --json, compare verdict and workup_recommended. The
# project's copies first, then the shared folder the specification lives in (beside the clone on
# the team's machines and in CI), so a vignette added there is checked before it is copied here.
shared="$ROOT/../shared/vignettes"
folders=("$ROOT/tests/fixtures/vignettes")
if [ -d "$shared" ]; then folders+=("$shared"); else echo "note: $shared not found: only the project's copies are run"; fi
count=0
for vignette in $(for d in "${folders[@]}"; do ls "$d"/*.json; done); do
    name="$(basename "$vignette" .json)"
    case "$vignette" in "$shared"/*) name="shared-$name" ;; esac
    python3 -c 'import json,sys; json.dump(json.load(open(sys.argv[1]))["findings"], open(sys.argv[2], "w"))' \
        "$vignette" "$TMP/$name.findings.json" || { fail "$name: cannot extract findings"; continue; }
    if ! "$POEMS" criteria "$TMP/$name.findings.json" --json > "$TMP/$name.out.json" 2> "$TMP/$name.err"; then
        fail "$name: exit code $? ($(cat "$TMP/$name.err"))"
        continue
    fi
    result="$(python3 - "$vignette" "$TMP/$name.out.json" <<'EOF'
import json, sys
expected = json.load(open(sys.argv[1]))["expected"]
got = json.load(open(sys.argv[2]))
problems = []
if got["verdict"] != expected["verdict"]:
    problems.append("verdict %s, expected %s" % (got["verdict"], expected["verdict"]))
if "workup_recommended" in expected and got["workup_recommended"] != expected["workup_recommended"]:
    problems.append("workup_recommended %s, expected %s" % (got["workup_recommended"], expected["workup_recommended"]))
screen = got["red_flag_screen"]
if screen["workup_recommended"] != got["workup_recommended"] or not screen["headline"] or not screen["reason"]:
    problems.append("red_flag_screen incomplete: %s" % screen)
if set(screen["red_flags"]) & set(screen["red_flags_unknown"]):
    problems.append("a red flag both present and unknown")
for key, c in got["criteria"].items():
    if not c["reason"] or not c["sources"]:
        problems.append("criterion %s without reason or sources" % key)
if len(got["criteria"]) != 11:
    problems.append("%d criteria in the output" % len(got["criteria"]))
print("; ".join(problems))
EOF
)"
    [ -n "$result" ] && fail "$name: $result"
    count=$((count + 1))
done
[ "$count" -ge 15 ] || fail "only $count vignettes ran"

# The text output names the verdict, the reasons and the disclaimer.
"$POEMS" criteria "$TMP/spep-negative-only.findings.json" > "$TMP/text.out" || fail "text mode: non-zero exit"
for expected in "RESULT: incomplete" "30–46%" "TESTS TO ASK YOUR DOCTOR ABOUT" \
                "only a doctor can diagnose" "borderline Monoclonal plasma cell disorder"; do
    grep -qF "$expected" "$TMP/text.out" || fail "text mode: \"$expected\" not in the output"
done

# Reading from stdin works the same.
"$POEMS" criteria - --json < "$TMP/classic.findings.json" | grep -q '"verdict": "meets_criteria"' || fail "stdin: no meets_criteria"

# Bad input: exit 2 and the expected message (the same corpus the core tests use).
expect_exit2() {  # label, expected message, command...
    local label="$1" message="$2"
    shift 2
    "$@" > "$TMP/bad.out" 2> "$TMP/bad.err"
    local code=$?
    [ "$code" -eq 2 ] || fail "$label: exit code $code, expected 2"
    grep -qF -- "$message" "$TMP/bad.err" || fail "$label: message \"$message\" not in: $(cat "$TMP/bad.err")"
    [ -s "$TMP/bad.out" ] && fail "$label: printed a result on bad input"
}
for bad in "$ROOT"/tests/fixtures/findings-bad/*.json; do
    name="$(basename "$bad" .json)"
    first_line="$(head -n 1 "${bad%.json}.expected")"
    expect_exit2 "bad $name" "$first_line" "$POEMS" criteria "$bad"
done
expect_exit2 "missing file" "cannot read $TMP/nope.json" "$POEMS" criteria "$TMP/nope.json"
expect_exit2 "no file" "no findings file given" "$POEMS" criteria
expect_exit2 "unknown option" "unknown option \"--yaml\"" "$POEMS" criteria "$TMP/classic.findings.json" --yaml
expect_exit2 "vignette file" "this looks like a vignette file" "$POEMS" criteria "$ROOT/tests/fixtures/vignettes/classic.json"

if [ "$fails" -ne 0 ]; then
    echo "$fails failure(s)"
    exit 1
fi
echo "poems criteria: $count vignettes and the bad-input corpus behave as expected"
