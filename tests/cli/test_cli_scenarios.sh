#!/bin/sh
# `unitdesa list`, `check`, `run SCENARIO`, `sweep` and their error messages.
. "$(dirname "$0")/cli_lib.sh"
in_source_tree "$1" "$2"

# list: path<TAB>id<TAB>module<TAB>title<TAB>origin, one line per scenario
expect_status 0 "$UD" list
for module in tutorial m1-poverty m2-government m3-women m4-technical field-visit; do
    expect_stdout_has "	$module	" "$UD" list
done
checks=$((checks + 1))
"$UD" list | awk -F'\t' 'NF != 5 || $5 != "shipped" { bad = 1 } END { exit bad }' || bad "list lines must have 5 tab-separated fields, shipped"

expect_status 0 "$UD" check
expect_stdout_has "8 scenario(s) checked: 0 with errors, 0 warning(s)" "$UD" check

# A scenario with a typo: check names the file, the line, the key and the hint.
cat > "$tmp/typo.lua" <<'LUA'
scenario { id = "typo", title = "Typo", module = "m1-poverty", objectives = { "x" } }
village {
  housholds = 300,
}
LUA
expect_status 1 "$UD" check "$tmp/typo.lua"
# the key's own line, not the line where its table opens
expect_stdout_has "typo.lua:3: village{}: unknown key 'housholds' (did you mean 'households'?)" "$UD" check "$tmp/typo.lua"
expect_stdout_has "  >    3 |   housholds = 300," "$UD" check "$tmp/typo.lua"

# A goal that can never be judged is a warning.
cat > "$tmp/late_goal.lua" <<'LUA'
scenario { id = "late", title = "Late", months = 12, objectives = { "x" } }
goal { indicator = "par30", below = 0.05, month = 24 }
LUA
expect_status 1 "$UD" check "$tmp/late_goal.lua"
expect_stdout_has "late_goal.lua:2: warning: the goal" "$UD" check "$tmp/late_goal.lua"

# A handler that fails every month: reported with file:line, the game goes on.
cat > "$tmp/failing.lua" <<'LUA'
scenario { id = "failing", title = "Failing", months = 6, objectives = { "x" } }
every_month(function()
  error("this handler always fails")
end)
LUA
expect_status 0 "$UD" run "$tmp/failing.lua"
expect_stderr_has "failing.lua:3: this handler always fails" "$UD" run "$tmp/failing.lua"
expect_stderr_has "failing.lua:2: the handler every_month failed 3 times in a row and was disabled" "$UD" run "$tmp/failing.lua"
expect_stdout_has "Seed 1, 6 months: finished." "$UD" run "$tmp/failing.lua"

# run with a strategy, and the same seed twice gives the same CSV
S=scenarios/m2-government/credit_line.lua
ST=scenarios/strategies/m2_grants_not_caps.lua
"$UD" run $S --strategy $ST --seed 5 --csv "$tmp/a.csv" >/dev/null 2>&1
"$UD" run $S --strategy $ST --seed 5 --csv "$tmp/b.csv" >/dev/null 2>&1
checks=$((checks + 1))
cmp -s "$tmp/a.csv" "$tmp/b.csv" || bad "the same scenario, seed and strategy gave different CSV"
expect_status 1 "$UD" run scenarios/nope.lua
expect_stderr_has "scenarios/nope.lua: cannot open the file" "$UD" run scenarios/nope.lua
expect_stderr_has "'scenarios/nope.lua' is neither a file here nor a scenario's id: 'unitdesa list' shows every scenario's path and id" "$UD" run scenarios/nope.lua
# a scenario may be named by its id, as 'list' prints it, from any folder
expect_status 0 "$UD" run tutorial
expect_stdout_has "24 months: finished." "$UD" run tutorial
# a trainer's scenario found by its id, helpers (require "lib...") and all
mkdir -p "$tmp/byid/mine"
printf 'local common = require("lib.common")\nscenario { id = "needs_lib", title = "T", months = 3, objectives = { "x" } }\n' >"$tmp/byid/mine/x.lua"
expect_stdout_has "3 months: finished." "$UD" --scenarios "$tmp/byid" run needs_lib
expect_status 1 "$UD" run $S --strategy "$tmp/typo.lua"
expect_stderr_has "late_goal.lua:1: undeclared global 'scenario'" "$UD" run $S --strategy "$tmp/late_goal.lua"
printf 'local x = 1\n' > "$tmp/no_decide.lua"
expect_stderr_has "a strategy must define function decide()" "$UD" run $S --strategy "$tmp/no_decide.lua"

# sweep: distribution and goals, one CSV row per run
expect_status 0 "$UD" sweep $S --runs 8 --jobs 2
expect_stdout_has "p10" "$UD" sweep $S --runs 8 --jobs 2
expect_stdout_has "goal met in" "$UD" sweep $S --runs 8 --jobs 2
"$UD" sweep $S --runs 8 --csv "$tmp/s.csv" >/dev/null 2>&1
checks=$((checks + 1))
[ "$(wc -l < "$tmp/s.csv")" -eq 9 ] || bad "sweep --csv should write a header and 8 rows"
expect_status 2 "$UD" sweep $S
expect_stderr_has "--runs is required" "$UD" sweep $S
# one folder named three ways is scanned once; two scenarios with one id: the one played is said
mkdir -p "$tmp/dup/m"
printf 'scenario { id = "dup_id", months = 2 }\n' > "$tmp/dup/m/a.lua"
printf 'scenario { id = "dup_id", months = 3 }\n' > "$tmp/dup/m/b.lua"
checks=$((checks + 1))
n=$("$UD" --scenarios "$tmp/dup" --scenarios "$tmp/dup/" --scenarios "$tmp/dup/m/.." list | grep -c dup_id)
[ "$n" -eq 2 ] || bad "a folder named three ways should list its 2 scenarios once each, got $n lines"
expect_stderr_has "has the id 'dup_id' too; playing" "$UD" --scenarios "$tmp/dup" run dup_id
expect_stderr_has "b.lua have the same id 'dup_id'" "$UD" --scenarios "$tmp/dup" list
finish
