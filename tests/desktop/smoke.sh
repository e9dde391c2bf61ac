#!/usr/bin/env bash
# Desktop smoke test: the native app in a real X window (Xvfb), as a person would use it: it opens,
# a click on "Guide" in the navigation changes the page, screenshots are saved, and Ctrl+Q exits
# cleanly with status 0. Then the Settings page: it shows the record's folder; a larger text size
# is kept in settings.json and used at the next start; a settings.json that is wrong is reported
# and ignored. Then a record with lab results for tests the catalogue does not list: the Labs page
# lists them. Last, "Print or save as PDF" on the Monitoring page writes the visit summary beside
# the record, hands it to the system's opener (POEMS_OPEN_COMMAND, here a script that records the
# path) and shows where it is.
# usage: smoke.sh PATH/TO/poems-companion [SCREENSHOT_DIR]
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

# Settings: "+" makes the text 110%, which settings.json keeps and the next start uses.
item() { python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["items"][sys.argv[2]]; print(*map(int, r))' "$1" "$2"; }
"$app" --data-dir "$work/data" --page settings --test-report "$report" > "$work/out2.txt" 2>&1 & app_pid=$!
for _ in $(seq 100); do grep -q "first frame" "$work/out2.txt" 2>/dev/null && break; sleep 0.1; done
sleep 0.5
folder=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["texts"].get("settings:record-folder", ""))' "$report")
[ "$folder" = "Folder: $work/data" ] || fail "Settings does not show the record's folder (it shows: \"$folder\")"
ok "Settings shows the record's folder ($folder)"
import -window root "$shots/desktop-settings.png"
read -r x0 y0 x1 y1 < <(item "$report" settings:text:larger)
xdotool mousemove --sync $(((x0 + x1) / 2)) $(((y0 + y1) / 2)); sleep 0.3; xdotool click 1
for _ in $(seq 50); do [ -s "$work/data/settings.json" ] && break; sleep 0.1; done
kept=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["text_size_percent"])' "$work/data/settings.json" 2>/dev/null || true)
[ "$kept" = 110 ] || fail "tapping + did not keep 110% in settings.json (it holds: $(cat "$work/data/settings.json" 2>/dev/null))"
ok "tapping + on the Settings page keeps 110% in settings.json"
window=$(xdotool search --sync --onlyvisible --name "POEMS Companion" | head -1)
xdotool windowfocus --sync "$window" key ctrl+q
for _ in $(seq 100); do kill -0 $app_pid 2>/dev/null || break; sleep 0.1; done
wait $app_pid || fail "the app did not exit cleanly after the settings change"
"$app" --data-dir "$work/data" --page settings --exit-after-frames 3 --test-report "$work/report3.json" > "$work/out3.txt" 2>&1 ||
  fail "the app did not start with the kept settings: $(cat "$work/out3.txt")"
read -r _ a0 _ a1 < <(item "$work/report3.json" settings:text:larger)
[ $((a1 - a0)) -gt $((y1 - y0)) ] || fail "the next start did not use the larger text (button $((a1 - a0)) px tall, was $((y1 - y0)) px)"
ok "the next start uses it: the + button is $((a1 - a0)) px tall instead of $((y1 - y0)) px"

echo '{"text_size_percent": 999, "dark": true}' > "$work/data/settings.json"
"$app" --data-dir "$work/data" --exit-after-frames 2 > "$work/out4.txt" 2>&1 || fail "a wrong settings.json stopped the app: $(cat "$work/out4.txt")"
grep -q "settings.json: /text_size_percent: must be a percentage from 100 to 200 (ignored)" "$work/out4.txt" ||
  fail "a wrong text size in settings.json was not reported: $(cat "$work/out4.txt")"
ok "a wrong settings.json is reported with the key at fault, and the app starts anyway"

# Lab results for tests the catalogue does not list: the record keeps them, and the Labs page
# lists them (named rows) instead of leaving them out.
mkdir -p "$work/labs-data"
cp "$(dirname "$0")/../fixtures/record-accepted/unknown-lab-test.json" "$work/labs-data/record.json"
"$app" --data-dir "$work/labs-data" --page labs --exit-after-frames 3 --test-report "$work/report5.json" > "$work/out5.txt" 2>&1 ||
  fail "the app did not start with a record holding unknown lab tests: $(cat "$work/out5.txt")"
for id in lab-2 lab-3; do
  item "$work/report5.json" "labs:unknown_row:$id" >/dev/null 2>&1 || fail "the Labs page does not list the result $id of an unknown test"
done
item "$work/report5.json" "labs:unknown_row:lab-1" >/dev/null 2>&1 && fail "a result of a known test was listed as unknown"
ok "the Labs page lists the 2 results of tests the catalogue does not list"

# Print or save as PDF: the visit summary goes beside the record and to the opener.
cat > "$work/opener.sh" <<'OPENER'
#!/bin/sh
echo "$1" > "$(dirname "$0")/opened.txt"
OPENER
chmod +x "$work/opener.sh"
POEMS_OPEN_COMMAND="$work/opener.sh" "$app" --data-dir "$work/data" --page monitoring --today 2025-06-15 \
  --test-report "$report" > "$work/out5.txt" 2>&1 & app_pid=$!
for _ in $(seq 100); do grep -q "first frame" "$work/out5.txt" 2>/dev/null && break; sleep 0.1; done
sleep 0.5
# Scroll with the wheel until the button is on screen (drawn with a height).
xdotool mousemove --sync 640 400
for _ in $(seq 60); do
  read -r x0 y0 x1 y1 < <(item "$report" documents:print)
  [ "$y1" -gt "$y0" ] && [ "$y1" -lt 790 ] && break
  xdotool click 5; sleep 0.15
done
[ "$y1" -gt "$y0" ] && [ "$y1" -lt 790 ] || fail "the Print button never came into view ($x0 $y0 $x1 $y1)"
xdotool mousemove --sync $(((x0 + x1) / 2)) $(((y0 + y1) / 2)); sleep 0.3; xdotool click 1
for _ in $(seq 50); do [ -s "$work/opened.txt" ] && break; sleep 0.1; done
written="$work/data/poems-visit-summary-2025-06-15.html"
[ -s "$written" ] || fail "Print did not write $written ($(ls "$work/data"))"
[ "$(cat "$work/opened.txt" 2>/dev/null)" = "$written" ] || fail "the opener was not given $written (got: $(cat "$work/opened.txt" 2>/dev/null))"
grep -q "<h1>Visit summary</h1>" "$written" || fail "the written file is not the visit summary"
ok "Print writes the visit summary beside the record and opens it ($written)"
for _ in $(seq 30); do python3 -c 'import json,sys; sys.exit(0 if "documents:message" in json.load(open(sys.argv[1]))["items"] else 1)' "$report" && break; sleep 0.1; done
python3 -c 'import json,sys; sys.exit(0 if "documents:message" in json.load(open(sys.argv[1]))["items"] else 1)' "$report" ||
  fail "the app does not say where the file is"
sleep 0.3
import -window root "$shots/desktop-documents.png"
ok "the app shows where it is (screenshot desktop-documents.png)"
window=$(xdotool search --sync --onlyvisible --name "POEMS Companion" | head -1)
xdotool windowfocus --sync "$window" key ctrl+q
for _ in $(seq 100); do kill -0 $app_pid 2>/dev/null || break; sleep 0.1; done
wait $app_pid || fail "the app did not exit cleanly after printing"
