#!/bin/sh
# The class report in a real browser (headless Chromium): it loads without a network, its
# charts draw (every line has a length on screen), a screenshot is taken (kept in the build
# folder to look at), and printing gives the overview plus one page per team.
# Skips (exit 77) only if Chromium is not installed; CI installs it (.ci/run).
. "$(dirname "$0")/cli_lib.sh"
UD="$1"
SRC="$2"
SHOTS="$3"
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
    echo "SKIP: chromium is not installed (apt-get install -y chromium)"
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp" "$out" "$err"' EXIT
cd "$SRC" || exit 1
export UNITDESA_DATA_DIR="$tmp/data"
C=scenarios/m2-government/credit_line.lua
mkdir -p "$tmp/res" "$SHOTS"
"$UD" run $C --seed 2 --strategy scenarios/strategies/m2_take_everything.lua --team "Team A" --result "$tmp/res/a.result" >/dev/null 2>&1
"$UD" run $C --seed 2 --team "Team B" --result "$tmp/res/b.result" >/dev/null 2>&1
"$UD" run $C --seed 2 --strategy scenarios/strategies/m2_grants_not_caps.lua --team "Team C" --result "$tmp/res/c.result" >/dev/null 2>&1
expect_status 0 "$UD" class "$tmp/res" -o "$tmp/report.html"

chrome() {
    # a private profile, no sandbox (CI runs as root), no GPU, and nothing from the network
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-first-run \
        --user-data-dir="$tmp/profile" --proxy-server="127.0.0.1:9" --proxy-bypass-list="<-loopback>" \
        "$@" 2>/dev/null
}

# The page, with a probe appended: it measures what the browser drew.
cp "$tmp/report.html" "$tmp/probe.html"
cat >> "$tmp/probe.html" <<'HTML'
<script>
var paths = document.querySelectorAll("svg.chart path"), drawn = 0;
paths.forEach(function (p) { if (p.getTotalLength() > 50) drawn++; });
var charts = 0;
document.querySelectorAll("svg.chart").forEach(function (s) {
  var r = s.getBoundingClientRect(); if (r.width > 200 && r.height > 100) charts++; });
var marks = document.querySelectorAll("svg.timeline circle").length;
document.body.insertAdjacentHTML("beforeend", "<pre id='probe'>paths=" + paths.length +
  " drawn=" + drawn + " charts=" + charts + " marks=" + marks + "</pre>");
</script>
HTML
chrome --dump-dom "file://$tmp/probe.html" > "$tmp/dom.html"
probe=$(grep -o "paths=[0-9]* drawn=[0-9]* charts=[0-9]* marks=[0-9]*" "$tmp/dom.html")
echo "probe: $probe"
set -- $(echo "$probe" | tr '=' ' ')
paths=$2 drawn=$4 charts=$6 marks=$8
# 6 comparison charts x (3 teams + the benchmark) + 3 debriefs x 4 charts x (team + benchmark)
checks=$((checks + 1))
[ "${paths:-0}" -eq 48 ] || bad "expected 48 chart lines in the page, the browser found ${paths:-none}"
checks=$((checks + 1))
[ "${drawn:-0}" -eq "${paths:-0}" ] || bad "every chart line must be drawn with a length ($drawn of $paths)"
checks=$((checks + 1))
[ "${charts:-0}" -eq 18 ] || bad "expected 18 charts laid out at their size, got ${charts:-none}"
checks=$((checks + 1))
[ "${marks:-0}" -gt 3 ] || bad "the decisions timeline has marks (got ${marks:-none})"

chrome --screenshot="$SHOTS/class_report.png" --window-size=1200,1700 "file://$tmp/report.html" >/dev/null
checks=$((checks + 1))
size=$(wc -c < "$SHOTS/class_report.png" 2>/dev/null || echo 0)
[ "$size" -gt 40000 ] || bad "the screenshot looks empty ($size bytes)"

chrome --print-to-pdf="$tmp/report.pdf" --no-pdf-header-footer "file://$tmp/report.html" >/dev/null
checks=$((checks + 1))
pages=$(grep -a -c "/Type /Page$\|/Type /Page[^s]" "$tmp/report.pdf" || true)
[ "${pages:-0}" -ge 4 ] && [ "${pages:-0}" -le 5 ] || bad "printing should give the overview (1-2 pages) and one page per team (got ${pages:-0} pages)"
# a team with many decisions and lessons still gets a one-page debrief
mkdir -p "$tmp/busy"
awk '{ print } /^decision\t/ { for (i = 0; i < 9; i++) print } /^lesson\t/ { print $0 " (once more, at length)" }' \
    "$tmp/res/c.result" > "$tmp/busy/c.result"
"$UD" class "$tmp/busy" -o "$tmp/busy.html" >/dev/null
chrome --print-to-pdf="$tmp/busy.pdf" --no-pdf-header-footer "file://$tmp/busy.html" >/dev/null
checks=$((checks + 1))
busy=$(grep -a -c "/Type /Page$\|/Type /Page[^s]" "$tmp/busy.pdf" || true)
[ "${busy:-0}" -ge 2 ] && [ "${busy:-0}" -le 3 ] || bad "a busy team's debrief must fit one page (got ${busy:-0} pages in all)"
echo "screenshot: $SHOTS/class_report.png ($size bytes), printed pages: $pages"
finish
