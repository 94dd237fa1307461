#!/bin/sh
# A FIFO, a device or a folder where the program expects a file (a helper, a result file, a
# lesson's probe) is refused with "FILE: not a regular file", never waited on: opening a
# FIFO for reading blocks until some other program writes to it.
. "$(dirname "$0")/cli_lib.sh"
in_source_tree "$1" "$2"
# every command gets a time limit: without the fix it would wait for ever
T="timeout 60"

# require() of a helper that is a FIFO: run, check and list (the game's start screen loads
# every scenario the same way) stop with the helper's name
mkdir -p "$tmp/fifo_require/lib"
mkfifo "$tmp/fifo_require/lib/evil.lua"
cat > "$tmp/fifo_require/scenario.lua" <<'LUA'
scenario { id = "fifo_require", title = "FIFO require", months = 2, objectives = { "x" } }
village { households = 120 }
local evil = require("lib.evil")
LUA
expect_status 1 $T "$UD" run "$tmp/fifo_require/scenario.lua"
expect_stderr_has "scenario.lua:3: require 'lib.evil': lib/evil.lua: not a regular file" \
    $T "$UD" run "$tmp/fifo_require/scenario.lua"
expect_status 1 $T "$UD" check "$tmp/fifo_require/scenario.lua"
expect_stdout_has "lib/evil.lua: not a regular file" $T "$UD" check "$tmp/fifo_require/scenario.lua"
expect_stdout_has "	tutorial	" $T "$UD" list --scenarios "$tmp/fifo_require"
expect_stderr_has "lib/evil.lua: not a regular file" $T "$UD" list --scenarios "$tmp/fifo_require"
# a folder in the helper's place is refused the same way
mkdir -p "$tmp/dir_require/lib/evil.lua"
cp "$tmp/fifo_require/scenario.lua" "$tmp/dir_require/"
expect_stderr_has "lib/evil.lua: not a regular file" $T "$UD" run "$tmp/dir_require/scenario.lua"

# a team's result file that is a FIFO: the class report names it
mkdir -p "$tmp/fifo_class"
mkfifo "$tmp/fifo_class/team.result"
expect_status 1 $T "$UD" class "$tmp/fifo_class" -o "$tmp/class.html" --no-benchmark
expect_stderr_has "$tmp/fifo_class/team.result: not a regular file" \
    $T "$UD" class "$tmp/fifo_class" -o "$tmp/class.html" --no-benchmark

# a lesson's probe that is a FIFO: check reports it (it only looks for probes)
mkdir -p "$tmp/scen/m1"
cp -r scenarios/strategies scenarios/lib "$tmp/scen/"
mkfifo "$tmp/scen/strategies/probes/fifo.lua"
sed 's|"../strategies/probes/overprice.lua"|"../strategies/probes/fifo.lua"|' \
    scenarios/m1-poverty/reaching_the_poor.lua >"$tmp/scen/m1/x.lua"
checks=$((checks + 1))
run $T "$UD" --scenarios "$tmp/scen" check "$tmp/scen/m1/x.lua"
grep -qF "the lesson's probe strategy cannot be opened: $tmp/scen/m1/../strategies/probes/fifo.lua: not a regular file" "$out" ||
    bad "check must report a probe that is a FIFO (status $status)"
# Outputs are checked before anything is played, and never destroy what the user had:
# an output that is one of the inputs is refused, and the input is left whole
cp scenarios/tutorial/first_steps.lua "$tmp/mine.lua"
before=$(cksum <"$tmp/mine.lua")
expect_status 1 "$UD" run "$tmp/mine.lua" --csv "$tmp/mine.lua"
expect_stderr_has "--csv: '$tmp/mine.lua' is a Lua script's name" "$UD" run "$tmp/mine.lua" --csv "$tmp/mine.lua"
expect_stderr_has "is a Lua script's name" "$UD" sweep "$tmp/mine.lua" --runs 1 --csv "$tmp/./mine.lua"
# a helper the scenario requires is no output either (it is not known before the game runs)
expect_stderr_has "--csv: 'scenarios/lib/common.lua' is a Lua script's name" "$UD" run tutorial --csv scenarios/lib/common.lua
# nor can one file be both outputs
expect_stderr_has "--result: '$tmp/both.csv' is also the --csv file" "$UD" run tutorial --csv "$tmp/both.csv" --result "$tmp/both.csv"
[ "$(cksum <"$tmp/mine.lua")" = "$before" ] || bad "the scenario given as --csv was changed"
# --result is written beside and renamed over its path: a link or a device would be
# replaced, so it is refused; a folder is refused before the game is played
ln -s "$tmp/mine.lua" "$tmp/link.result"
expect_stderr_has "--result: '$tmp/link.result' is not a regular file" "$UD" run tutorial --result "$tmp/link.result"
[ -L "$tmp/link.result" ] || bad "--result replaced a link"
expect_stderr_has "--result: '$tmp' is a folder" "$UD" run tutorial --result "$tmp"
# the class report may not be written over a team's result file
mkdir -p "$tmp/res"
"$UD" run tutorial --result "$tmp/res/a.result" >/dev/null 2>&1
expect_stderr_has "--output: '$tmp/res/a.result' is a team's result file's name" \
    "$UD" class "$tmp/res" -o "$tmp/res/a.result" --no-benchmark
# nor a CSV over a saved game or another team's result file
: > "$tmp/res/slot1.save"
expect_stderr_has "--csv: '$tmp/res/slot1.save' is a saved game's name" \
    "$UD" run tutorial --months 1 --csv "$tmp/res/slot1.save"
expect_stderr_has "--csv: '$tmp/res/a.result' is a team's result file's name" \
    "$UD" sweep tutorial --runs 1 --csv "$tmp/res/a.result"
grep -q "^unitdesa-result" "$tmp/res/a.result" || bad "class -o destroyed a result file"
# a full disk is an error, not a silent empty file
if [ -w /dev/full ]; then
    expect_status 1 "$UD" sweep tutorial --runs 2 --csv /dev/full
    expect_stderr_has "--csv: error writing '/dev/full'" "$UD" sweep tutorial --runs 2 --csv /dev/full
fi
# A trainer's own scenario, wherever its folder lives, can name the shipped strategies and
# probes as "strategies/...": not found beside it, they are the shipped ones
mkdir -p "$tmp/own/m"
cat > "$tmp/own/m/mine.lua" <<'LUA'
scenario { id = "mine_probe", title = "Mine", months = 4, objectives = { "x" },
  lesson = { indicator = "par30", better = "lower",
    sound = { "strategies/m1_groups_only.lua" },
    naive = { "strategies/m1_big_loans_for_the_better_off.lua" },
    probes = { "strategies/probes/press_space.lua" } } }
village { households = 150 }
LUA
expect_stdout_has "P1   probe  press_space" "$UD" --scenarios "$tmp/own" tournament "$tmp/own/m/mine.lua" --runs 2 --jobs 1
# a lesson strategy that is not there stops the tournament before play, at the scenario's line
sed 's|strategies/probes/press_space.lua|strategies/probes/not_there.lua|; s|mine_probe|mine_missing|' \
    "$tmp/own/m/mine.lua" >"$tmp/own/m/missing.lua"
expect_status 1 "$UD" --scenarios "$tmp/own" tournament "$tmp/own/m/missing.lua" --runs 2
expect_stderr_has "missing.lua:5: error: the lesson's probe strategy cannot be opened" \
    "$UD" --scenarios "$tmp/own" tournament "$tmp/own/m/missing.lua" --runs 2
# an output that is a named pipe is refused, not waited on (nothing reads it)
mkfifo "$tmp/out_fifo"
expect_status 1 $T "$UD" run --months 1 --csv "$tmp/out_fifo"
expect_stderr_has "is a named pipe or a socket" $T "$UD" run --months 1 --csv "$tmp/out_fifo"
# a run that fails leaves the CSV that was there, whole, and no part file beside it
"$UD" run --months 2 --csv "$tmp/keep.csv" >/dev/null 2>&1
lines=$(wc -l <"$tmp/keep.csv")
printf 'scenario { id = "bad", title = "Bad", months = 2 }\nvillage { households = -3 }\n' >"$tmp/bad.lua"
expect_status 1 "$UD" run "$tmp/bad.lua" --csv "$tmp/keep.csv"
[ "$(wc -l <"$tmp/keep.csv")" = "$lines" ] || bad "a failed run changed the earlier CSV"
ls "$tmp" | grep -q '\.part$' && bad "a part file was left beside the CSV"
# a team name cut in the class report's chart stays valid UTF-8
mkdir -p "$tmp/utf"
"$UD" run --months 2 --result "$tmp/utf/t1.result" --team "Équipe Sénégalaise éé" >/dev/null 2>&1
expect_status 0 "$UD" class "$tmp/utf" -o "$tmp/utf/report.html"
iconv -f UTF-8 -t UTF-8 "$tmp/utf/report.html" >/dev/null 2>&1 || bad "the class report is not valid UTF-8"
finish
