#!/usr/bin/env bash
# poems content check: exit 0 and a summary for valid content, exit 2 and one line per problem
# for broken content (or text copied from a seed), exit 2 for bad usage.
set -u
poems=$1; root=$2
fail=0
check() { # description, expected exit code, actual exit code
  if [ "$2" != "$3" ]; then echo "FAIL: $1: expected exit $2, got $3"; fail=1; fi
}
expect_line() { # output, exact line
  grep -qxF -- "$2" <<<"$1" || { echo "FAIL: missing line: $2"; echo "--- output:"; echo "$1"; fail=1; }
}

out=$("$poems" content check --no-copy-check 2>&1); rc=$?
check "compiled-in content is valid" 0 $rc
grep -q '^content: valid (compiled-in content): ' <<<"$out" || { echo "FAIL: no summary for compiled-in content"; fail=1; }
grep -qE '^  workup.json +[0-9]+ items$' <<<"$out" || { echo "FAIL: no per-file count"; echo "$out"; fail=1; }
expect_line "$out" 'copied-text check not run (--no-copy-check)'

out=$("$poems" content check "$root/content" --no-copy-check 2>&1); rc=$?
check "content/ on disk is valid" 0 $rc

# The copied-text check (issue 16): no string shares 20 or more words in a row with a seed.
# A planted copy of exactly 20 words fails, naming file, pointer, seed, count and the run's start;
# its 19-word near miss and sources.json's bibliographic entries (quoted as published) pass.
copy="$root/tests/fixtures/copy-check"
out=$("$poems" content check "$copy/content" --seeds "$copy/seeds" 2>&1); rc=$?
check "planted 20-word copy" 2 $rc
expect_line "$out" 'overview.json: /items/1/items/1/en: shares 20 words in a row with seed 001_made_up.txt, from "THE lantern keeper walked along the northern harbour …" (in overview.planted; write it in our own words: at most 19 words in a row may match a seed)'
grep -qF "copied-text check: 18 strings against 1 seeds (67 words) in $copy/seeds: 1 with 20 or more words in a row from a seed (" <<<"$out" \
  || { echo "FAIL: no copied-text summary"; echo "$out"; fail=1; }
expect_line "$out" "content: 1 problem in $copy/content"
[ "$(grep -c 'words in a row with seed' <<<"$out")" = 1 ] || { echo "FAIL: only the planted copy may be reported"; echo "$out"; fail=1; }

# Without the planted string the same content passes (the near miss and the exempt entries stay).
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cp "$copy/content/"*.json "$tmp/"
sed -i 's/Then: THE lantern keeper/Then: the lantern keeper, they say,/' "$tmp/overview.json"
out=$("$poems" content check "$tmp" --seeds "$copy/seeds" 2>&1); rc=$?
check "planted copy broken up" 0 $rc
grep -q '^copied-text check: 18 strings against 1 seeds (67 words) in .*: 0 with 20 or more words in a row from a seed' <<<"$out" \
  || { echo "FAIL: no copied-text summary"; echo "$out"; fail=1; }

# A missing seeds folder skips the check, says so plainly, and is not an error (a machine without
# ../shared/seeds still builds).
out=$("$poems" content check "$copy/content" --seeds "$tmp/no-seeds" 2>&1); rc=$?
check "missing seeds folder" 0 $rc
expect_line "$out" "content: the copied-text check was skipped because the seeds folder \"$tmp/no-seeds\" is missing"
# A seeds folder without any seed text is a mistake, not a skip.
mkdir "$tmp/empty-seeds"
out=$("$poems" content check "$copy/content" --seeds "$tmp/empty-seeds" 2>&1); rc=$?
check "seeds folder without seeds" 2 $rc
expect_line "$out" "the seeds folder \"$tmp/empty-seeds\" holds no seed text files (*.txt)"

# The real content/ against the real seeds (../shared/seeds beside the clone, as in CI).
seeds="$root/../shared/seeds"
if [ -d "$seeds" ]; then
  out=$("$poems" content check "$root/content" --seeds "$seeds" 2>&1); rc=$?
  check "content/ has no text copied from the seeds" 0 $rc
  [ $rc = 0 ] || echo "$out"
else
  echo "note: $seeds is missing: real content/ not compared with the seeds"
fi

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
"$poems" content check --seeds >/dev/null 2>&1; check "--seeds without a folder" 2 $?

[ $fail = 0 ] && echo "content check CLI: ok"
exit $fail
