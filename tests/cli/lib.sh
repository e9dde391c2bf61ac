# What the CLI tests share (sourced by test_*.sh, not a test itself). The script's arguments are
# the `poems` binary and the repository: POEMS and ROOT. TMP is a folder removed on exit; fail()
# reports and counts, finish() ends the script with the count.
set -u
POEMS="$1"
ROOT="$2"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# expect_error COMMAND WANT ARGS...: `poems COMMAND ARGS...` exits 2 with WANT on stderr and
# nothing on stdout.
expect_error() {
    local command="$1" want="$2"; shift 2
    "$POEMS" "$command" "$@" >"$TMP/out" 2>"$TMP/err"
    local rc=$?
    [ "$rc" -eq 2 ] || fail "$command $*: exit $rc, expected 2"
    grep -qF -- "$want" "$TMP/err" || fail "$command $*: stderr lacks \"$want\": $(head -3 "$TMP/err")"
    [ -s "$TMP/out" ] && fail "$command $*: wrote to stdout on error"
}

# finish MESSAGE: prints MESSAGE when every check passed; the exit status says whether they did.
finish() {
    [ "$fails" -eq 0 ] && echo "$1"
    exit $((fails > 0))
}
