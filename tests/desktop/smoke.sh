#!/usr/bin/env bash
# Desktop smoke test: the native app in a real X window (Xvfb), as a person would use it: it opens,
# a click on "Guide" in the navigation changes the page, screenshots are saved, and Ctrl+Q exits
# cleanly with status 0.  usage: smoke.sh PATH/TO/poems-companion [SCREENSHOT_DIR]
set -euo pipefail
app=$1
shots=${2:-$(dirname "$0")/../../build/screenshots}
mkdir -p "$shots"
work=$(mktemp -d)
trap 'kill $app_pid $xvfb_pid 2>/dev/null; rm -rf "$work"' EXIT
fail() { echo "not ok - $*"; exit 1; }
ok() { echo "  ok - $*"; }

# Xvfb picks a free display number and writes it to fd 3 when it is ready.
exec 3<> "$work/display"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xvfb_pid=$!
for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
export DISPLAY=:$(head -1 "$work/display")

report="$work/report.json"
"$app" --data-dir "$work/data" --today 2026-11-22 --test-report "$report" > "$work/out.txt" 2>&1 & app_pid=$!
for _ in $(seq 100); do grep -q "first frame" "$work/out.txt" 2>/dev/null && break; sleep 0.1; done
grep -q "first frame" "$work/out.txt" || fail "the app drew no first frame: $(cat "$work/out.txt")"
ok "the window opened and drew its first frame ($(grep -o '[0-9]* ms' "$work/out.txt"))"
sleep 0.5
import -window root "$shots/desktop-criteria.png"
page() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["page"])' "$report"; }
[ "$(page)" = criteria ] || fail "expected the Criteria page first, got $(page)"
ok "the app opens on the Criteria page"

read -r x y < <(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["items"]["nav:guide"]; print(int((r[0]+r[2])/2), int((r[1]+r[3])/2))' "$report")
window=$(xdotool search --sync --onlyvisible --name "POEMS Companion" | head -1)
# Move through XTEST (screen coordinates; without a window manager the window sits at 0,0) like a
# real mouse. `mousemove --window` warps the pointer instead, which SDL's cached global mouse
# position never sees, so ImGui would keep the old position.
xdotool mousemove --sync "$x" "$y"; sleep 0.3; xdotool click 1
for _ in $(seq 50); do [ "$(page)" = guide ] && break; sleep 0.1; done
[ "$(page)" = guide ] || fail "clicking Guide did not open the Guide page (still $(page))"
ok "clicking Guide opens the Guide page"
sleep 0.3
import -window root "$shots/desktop-guide.png"
cmp -s "$shots/desktop-criteria.png" "$shots/desktop-guide.png" && fail "the screen did not change after the click"
ok "the screen changed after the click"

frames_before=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["frames"])' "$report")
sleep 3
frames_after=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["frames"])' "$report")
[ $((frames_after - frames_before)) -le 3 ] || fail "the idle window drew $((frames_after - frames_before)) frames in 3 s"
ok "the idle window drew $((frames_after - frames_before)) frames in 3 s"

xdotool windowfocus --sync "$window" key ctrl+q
# Wait at most 10 s for the app to go: a missed shortcut must fail here, not hang the suite.
for _ in $(seq 100); do kill -0 $app_pid 2>/dev/null || break; sleep 0.1; done
kill -0 $app_pid 2>/dev/null && fail "Ctrl+Q did not close the app within 10 s"
status=0; wait $app_pid || status=$?
[ $status = 0 ] || fail "exit status $status"
grep -q "clean exit" "$work/out.txt" || fail "no clean exit: $(cat "$work/out.txt")"
ok "Ctrl+Q closes the app with status 0"
