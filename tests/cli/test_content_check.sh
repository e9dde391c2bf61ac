#!/usr/bin/env bash
# poems content check: exit 0 and a summary for valid content, exit 2 and one line per problem
# for broken content, exit 2 for bad usage.
set -u
poems=$1; root=$2
fail=0
check() { # description, expected exit code, actual exit code
  if [ "$2" != "$3" ]; then echo "FAIL: $1: expected exit $2, got $3"; fail=1; fi
}
expect_line() { # output, exact line
  grep -qxF -- "$2" <<<"$1" || { echo "FAIL: missing line: $2"; echo "--- output:"; echo "$1"; fail=1; }
}

out=$("$poems" content check 2>&1); rc=$?
check "compiled-in content is valid" 0 $rc
grep -q '^content: valid (compiled-in content): ' <<<"$out" || { echo "FAIL: no summary for compiled-in content"; fail=1; }
grep -qE '^  workup.json +[0-9]+ items$' <<<"$out" || { echo "FAIL: no per-file count"; echo "$out"; fail=1; }

out=$("$poems" content check "$root/content" 2>&1); rc=$?
check "content/ on disk is valid" 0 $rc

bad="$root/tests/fixtures/content-bad"
out=$("$poems" content check "$bad" 2>&1); rc=$?
check "broken content" 2 $rc
expect_line "$out" 'workup.json: /items/1/id: duplicate id "workup.cbc" (first defined in workup.json at /items/0)'
expect_line "$out" 'workup.json: /items/0/sources/0/section: section "Diagnostic criteria" is not declared for seed "004_guide.txt" in sources.json'
expect_line "$out" 'workup.json: /items/0/sources/0/refs/0: reference 7 is not in the list of "004_guide.txt" (1–1)'
expect_line "$out" 'workup.json: /items/1/sources/0/seed: unknown seed "005_new.txt" (not listed in sources.json)'
expect_line "$out" 'workup.json: /items/1/colour: unknown key "colour"'
expect_line "$out" 'workup.json: /items/0/why/en: must not be empty'
expect_line "$out" 'workup.json: /items/0/see_ids/0: link to unknown id "glossary.platelets"'
grep -q '^glossary.json: not valid JSON: parse error at line 4' <<<"$out" || { echo "FAIL: invalid JSON not reported"; fail=1; }
expect_line "$out" "content: 8 problems in $bad"

"$poems" content check "$root/does-not-exist" >/dev/null 2>&1; check "missing folder" 2 $?
"$poems" content >/dev/null 2>&1; check "no subcommand" 2 $?
"$poems" content check a b >/dev/null 2>&1; check "too many arguments" 2 $?

[ $fail = 0 ] && echo "content check CLI: ok"
exit $fail
