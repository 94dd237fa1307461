#!/bin/sh
# The trainer's toolkit: run --story, check walking every branch, scenario folders, require
# beside the scenario, sweep --by, result files and the class report.
. "$(dirname "$0")/cli_lib.sh"
in_source_tree "$1" "$2"
T=scenarios/tutorial/first_steps.lua

# --- run --story: the month-by-month narrative, with the answers chosen
expect_stdout_has "Month 1" "$UD" run $T --story
expect_stdout_has "News: Welcome! Your first applications arrive this month." "$UD" run $T --story
expect_stdout_has "Question 1: The village head asks you" "$UD" run $T --story --answers 2
expect_stdout_has 'answered question 1 ("The village head asks you to speak at the harvest meeting about your loans. Do you?"): 2) No: you are too busy' "$UD" run $T --story --answers 2
expect_stdout_has 'answered question 1 ("The village head asks you to speak at the harvest meeting about your loans. Do you?"): 1) Yes' "$UD" run $T --story
expect_stdout_has "Goal reached: More than 60 clients" "$UD" run $T --story
expect_stdout_has "Lessons shown in the debrief" "$UD" run $T --story
expect_stdout_has "Mois 1" "$UD" run $T --story --lang fr
expect_stdout_has "Question 1 : Le chef du village vous invite" "$UD" run $T --story --lang fr
# numbers and amounts as the game writes them in French
expect_stdout_has "PAR30 0,0 %" "$UD" run $T --story --lang fr
expect_stdout_has "IDR 358 200 000" "$UD" run $T --story --lang fr
expect_status 2 "$UD" run $T --answers 2,x
expect_stderr_has "unitdesa run: --answers must list options from 1 to 6" "$UD" run $T --answers 2,x
expect_status 2 "$UD" run $T --answers 9
expect_stderr_has "unitdesa run: --lang: no translation for 'xx'" "$UD" run $T --lang xx
# the answers change the game: option 1's news appears only with answer 1
expect_stdout_has "Your talk was well received" "$UD" run $T --story --answers 1
checks=$((checks + 1))
"$UD" run $T --story --answers 2 | grep -q "Your talk was well received" && bad "answer 2 must not give option 1's news"

# --- check walks every branch (the folder holding a lesson's strategies is named with
# --scenarios, as a trainer's own folder would be): a failing handler behind answer 2, a crashing strategy, a
# broken lesson condition, a rate written as a share, translation gaps both ways
cat > "$tmp/crash.lua" <<'LUA'
function decide(month)
  if month == 3 then local x = nil; x.boom = 1 end
end
LUA
cat > "$tmp/branchy.lua" <<'LUA'
scenario { id = "branchy", title = "Branchy", months = 12, objectives = { "x" },
  lesson = { indicator = "oss", naive = "crash.lua", sound = "crash.lua" } }
product { name = "Loan", rate = 0.24 }
at_month(2, function()
  ask { text = "Promise a waiver?", options = { "No", "Yes" }, answer = function(choice)
    if choice == 2 then mem.promised = true end
  end }
end)
every_month(function(month)
  if mem.promised and month == 5 then
    local t = nil
    return t.field
  end
end)
lesson { text = "Broken lesson.", when = function() return nosuch_value > 1 end }
translate("fr", { ["Branchy"] = "Branchu", ["Promise a waiver ?"] = "Promettre ?",
                  ["Broken lesson"] = "Leçon cassée." })
LUA
expect_status 1 "$UD" check "$tmp/branchy.lua" --scenarios "$tmp"
expect_stdout_has "branchy.lua:12: attempt to index a nil value (local 't')" "$UD" check "$tmp/branchy.lua" --scenarios "$tmp"
expect_stdout_has "crash.lua:2: attempt to index a nil value (local 'x')" "$UD" check "$tmp/branchy.lua" --scenarios "$tmp"
expect_stdout_has "branchy.lua:15: undeclared global 'nosuch_value'" "$UD" check "$tmp/branchy.lua" --scenarios "$tmp"
expect_stdout_has "branchy.lua:3: warning: product{}: rate = 0.24 is read as 0.24% a year" "$UD" check "$tmp/branchy.lua" --scenarios "$tmp"
expect_stdout_has "branchy.lua:5: warning: no 'fr' translation for \"Promise a waiver?\"" "$UD" check "$tmp/branchy.lua" --scenarios "$tmp"
expect_stdout_has "branchy.lua:16: warning: translate('fr'): \"Promise a waiver ?\" is not a text of the scenario (did you mean \"Promise a waiver?\"?)" "$UD" check "$tmp/branchy.lua" --scenarios "$tmp"
# a key missing only its full stop sits inside the text, yet the slip is named
expect_stdout_has "no 'fr' translation for \"Broken lesson.\" (add it to translate('fr', ...) at line 16; it has \"Broken lesson\", which differs)" "$UD" check "$tmp/branchy.lua" --scenarios "$tmp"
expect_stdout_has "1 scenario(s) checked: 1 with errors" "$UD" check "$tmp/branchy.lua" --scenarios "$tmp"
# compare names the problems instead of playing a broken strategy in silence
expect_stderr_has "warning: 10 of 10 runs of $tmp/crash.lua met script problems" "$UD" compare "$tmp/branchy.lua" --runs 10 --scenarios "$tmp"

# the issue's case: at_month called in option 2's branch is found though option 1 is the default
cat > "$tmp/atm.lua" <<'LUA'
scenario { id = "atm", title = "Atm", months = 10, objectives = { "x" } }
at_month(2, function()
  ask { text = "Q?", options = { "A", "B" }, answer = function(c)
    if c == 2 then at_month(5, function() news("later") end) end
  end }
end)
LUA
expect_status 1 "$UD" check "$tmp/atm.lua"
expect_stdout_has "atm.lua:4: at_month(5): handlers are registered at the top of the scenario" "$UD" check "$tmp/atm.lua"
expect_status 0 "$UD" run "$tmp/atm.lua"

# indicators and keys that differ only by case or punctuation get the hint
cat > "$tmp/case.lua" <<'LUA'
scenario { id = "case", title = "Case", months = 6, objectives = { "x" } }
goal { indicator = "PAR-30", below = 0.05, month = 6 }
LUA
expect_stdout_has "case.lua:2: goal{}: unknown indicator 'PAR-30' (did you mean 'par30'?)" "$UD" check "$tmp/case.lua"

# defaults scale with the village's incomes: a franc CFA village lends from month 1..6
cat > "$tmp/cfa.lua" <<'LUA'
scenario { id = "cfa", title = "Tontine", months = 6, currency = "XOF", objectives = { "x" } }
village { households = 200, median_income = 45000, poverty_line = 900 }
LUA
expect_status 0 "$UD" check "$tmp/cfa.lua"
checks=$((checks + 1))
borrowers=$("$UD" run "$tmp/cfa.lua" | awk '/active borrowers/ { print $3 }')
# (about 15 in six months: first-time borrowers without collateral, the poor and women, stay
# away from individual loans; with unscaled defaults there would be none)
[ "${borrowers:-0}" -gt 8 ] || bad "a franc CFA village should have borrowers (got '$borrowers')"
# amounts out of proportion, and rupiah incomes left in another currency, are warned about
cat > "$tmp/cfa_bad.lua" <<'LUA'
scenario { id = "cfa_bad", title = "Tontine", months = 6, currency = "XOF", objectives = { "x" } }
village { households = 200, minimum_wage = 50, officer_wage = 100 }
mfi { officers = { count = 1, salary = 90 } }
product { name = "Loan", min = 5, max = 50 }
LUA
expect_stdout_has "cfa_bad.lua:2: warning: village{} gives no median_income" "$UD" check "$tmp/cfa_bad.lua"
expect_stdout_has "cfa_bad.lua:4: warning: product 'Loan': loans of at most 50 XOF are under a twentieth" "$UD" check "$tmp/cfa_bad.lua"
expect_stdout_has "cfa_bad.lua:3: warning: an officer's salary of 90 XOF a month" "$UD" check "$tmp/cfa_bad.lua"
# a scenario where nobody can borrow in six months
cat > "$tmp/none.lua" <<'LUA'
scenario { id = "none", title = "None", months = 8, objectives = { "x" } }
product { name = "Closed loan", open = false }
translate("fr", { ["None"] = "Aucun", ["x"] = "x", ["Closed loan"] = "Prêt fermé" })
LUA
expect_stdout_has "warning: no household borrowed in the first six months" "$UD" check "$tmp/none.lua"
# the reference strategy's header sentence is shown in the debrief: check asks for its translation
mkdir -p "$tmp/ref"
cat > "$tmp/ref/ref_sound.lua" <<'LUA'
-- Sound strategy for the test: lend small and follow up.
function decide() end
LUA
cat > "$tmp/ref/ref_naive.lua" <<'LUA'
-- Naive strategy for the test: change nothing.
function decide() end
LUA
cat > "$tmp/ref/ref.lua" <<'LUA'
scenario { id = "ref", title = "Ref", months = 6, objectives = { "x" },
  lesson = { indicator = "par30", better = "lower", sound = "ref_sound.lua", naive = "ref_naive.lua" } }
translate("fr", { ["Ref"] = "Réf", ["x"] = "x" })
LUA
expect_stdout_has "no 'fr' translation for \"lend small and follow up.\"" "$UD" check "$tmp/ref/ref.lua"
# officers paid below the market wage, and a game that ends long before its last month
cat > "$tmp/thin.lua" <<'LUA'
scenario { id = "thin", title = "Thin", months = 24, objectives = { "x" } }
village { households = 300, officer_wage = 2000000 }
mfi { equity = 60000000, fixed_assets = 10000000, officers = { count = 2, salary = 1500000, training = 1 } }
LUA
expect_stdout_has "thin.lua:3: note: the officers are paid 1500000 a month, below the market wage of 2000000" "$UD" check "$tmp/thin.lua"
expect_stdout_has "thin.lua:1: warning: with the default strategy (seed" "$UD" check "$tmp/thin.lua"
expect_stdout_has "the months after it, their events, questions and translations are never checked" "$UD" check "$tmp/thin.lua"

# --- scenario folders: the trainer's own (data folder), --scenarios, the environment
mkdir -p "$tmp/data/scenarios/my-module/lib" "$tmp/extra/other" "$tmp/env"
cat > "$tmp/data/scenarios/my-module/lib/mine.lua" <<'LUA'
return { households = 120 }
LUA
cat > "$tmp/data/scenarios/my-module/mine.lua" <<'LUA'
local mine = require("lib.mine")
scenario { id = "mine", title = "Mine", module = "my-module", months = 6, objectives = { "x" } }
village { households = mine.households }
LUA
sed 's/id = "mine", title = "Mine"/id = "extra", title = "Extra"/; s/require("lib.mine")/{ households = 90 }/' \
    "$tmp/data/scenarios/my-module/mine.lua" > "$tmp/extra/other/extra.lua"
sed 's/id = "extra", title = "Extra"/id = "env", title = "Env"/' "$tmp/extra/other/extra.lua" > "$tmp/env/env.lua"
expect_stdout_has "	mine	my-module	Mine	own" "$UD" list
expect_stdout_has "	extra	my-module	Extra	--scenarios" "$UD" list --scenarios "$tmp/extra"
checks=$((checks + 1))
UNITDESA_SCENARIO_PATH="$tmp/env" "$UD" list | grep -q "	env	my-module	Env	UNITDESA_SCENARIO_PATH" || bad "UNITDESA_SCENARIO_PATH scenarios must be listed"
checks=$((checks + 1))
"$UD" list | head -1 | grep -q "	tutorial	" || bad "list starts with the tutorial module"
checks=$((checks + 1))
"$UD" list | tail -1 | grep -q "	own$" || bad "the trainer's own modules come after the shipped ones"
expect_status 0 "$UD" check "$tmp/data/scenarios/my-module/mine.lua"
checks=$((checks + 1))
[ "$("$UD" list --scenarios scenarios | grep -c '	shipped$')" -eq "$("$UD" list | grep -c '	shipped$')" ] && \
    [ "$("$UD" list --scenarios scenarios | grep -c '	--scenarios$')" -eq 0 ] || \
    bad "the shipped folder named again with --scenarios is listed once"
expect_stderr_has "unitdesa: --scenarios: '$tmp/nowhere' is not a folder" "$UD" list --scenarios "$tmp/nowhere"
cat > "$tmp/extra/other/needs.lua" <<'LUA'
local x = require("lib.missing")
LUA
expect_stdout_has "needs.lua:1: require 'lib.missing': no helper file lib/missing.lua beside the script" "$UD" check "$tmp/extra/other/needs.lua"

# --- sweep: breakdowns and honest labels
S=scenarios/m3-women/womens_groups.lua
expect_stdout_has "at the end, by gender (mean of 4 runs)" "$UD" sweep $S --runs 4 --by gender
expect_stdout_has "women " "$UD" sweep $S --runs 4 --by gender
expect_stdout_has "Sukamaju" "$UD" sweep scenarios/m2-government/credit_line.lua --runs 4 --by hamlet
expect_stdout_has "avoided in  100.0% of runs: (lose condition) The unit's equity is gone" "$UD" sweep scenarios/m2-government/credit_line.lua --runs 4
expect_stderr_has "unitdesa sweep: --by must be gender or hamlet (got 'age')" "$UD" sweep $S --runs 4 --by age
checks=$((checks + 1))
# the progress line is for a terminal: a log (here a pipe) gets no carriage returns
if "$UD" sweep $S --runs 60 --jobs 2 2>&1 >/dev/null | od -c | grep -q '\\r'; then
    bad "a progress line redrawn with carriage returns went to a log"
fi

# --- result files and the class report
C=scenarios/m2-government/credit_line.lua
"$UD" run $C --seed 4 --strategy scenarios/strategies/m2_take_everything.lua --team "Team A" --result "$tmp/res/a.result" >/dev/null 2>&1
# a folder that does not exist is said before the game is played, with the folder named
expect_stderr_has "unitdesa run: --result: cannot write '$tmp/res/a.result': the folder '$tmp/res'" "$UD" run $C --result "$tmp/res/a.result"
mkdir -p "$tmp/res"
expect_status 0 "$UD" run $C --seed 4 --strategy scenarios/strategies/m2_take_everything.lua --team "Team A" --result "$tmp/res/a.result"
expect_status 0 "$UD" run $C --seed 4 --team "Team B" --result "$tmp/res/b.result"
checks=$((checks + 1))
head -1 "$tmp/res/a.result" | grep -qx "unitdesa-result 1" || bad "a result file starts with its magic line"
checks=$((checks + 1))
[ "$(grep -c '^row	' "$tmp/res/a.result")" -eq 36 ] || bad "a result file has one row per month"
checks=$((checks + 1))
grep -q "^decision	2	accepted offer 1 (credit line)" "$tmp/res/a.result" || bad "the result lists decisions"
expect_stdout_has "$tmp/report.html: 2 team(s) of The government credit line, with the benchmark line" "$UD" class "$tmp/res" -o "$tmp/report.html"
checks=$((checks + 1))
grep -q "^helper	lib/common.lua	" "$tmp/res/a.result" || bad "a result file names the helpers the scenario loaded"
# a helper changed since the teams played: the benchmark line is played with it as it is now, and said
mkdir -p "$tmp/hc/lib" "$tmp/hcres"
printf 'return { n = 220 }\n' > "$tmp/hc/lib/h.lua"
printf 'function decide(m) end\n' > "$tmp/hc/s.lua"
cp "$tmp/hc/s.lua" "$tmp/hc/n.lua"
printf "scenario { id = 'hc', title = 'H', months = 3, lesson = { indicator = 'par30', better = 'lower', sound = { 's.lua' }, naive = { 'n.lua' } } }\nlocal h = require('lib.h')\nvillage { households = h.n }\n" > "$tmp/hc/hc.lua"
"$UD" run "$tmp/hc/hc.lua" --team A --result "$tmp/hcres/a.result" >/dev/null 2>&1
# a result file names a path on a team's machine: only a scenario folder's file is run
expect_stderr_has "a scenario outside the scenario folders is run only from a folder given with --scenarios DIR" "$UD" class "$tmp/hcres" -o "$tmp/hc.html"
expect_stderr_lacks "has changed since" "$UD" --scenarios "$tmp/hc" class "$tmp/hcres" -o "$tmp/hc.html"
printf 'return { n = 260 }\n' > "$tmp/hc/lib/h.lua"
expect_stderr_has "the helper lib/h.lua has changed since" "$UD" --scenarios "$tmp/hc" class "$tmp/hcres" -o "$tmp/hc.html"
checks=$((checks + 1))
grep -q "http" "$tmp/report.html" && bad "the report must need no network"
checks=$((checks + 1))
[ "$(grep -o '<svg class="chart"' "$tmp/report.html" | wc -l)" -eq 14 ] || bad "6 comparison charts and 4 per team"
checks=$((checks + 1))
grep -q "benchmark, seed 4 (m2_grants_not_caps.lua)" "$tmp/report.html" || bad "the benchmark line is the lesson's sound strategy on the teams' seed"
# one file named twice is one team
expect_stdout_has ": 2 team(s) of" "$UD" class "$tmp/res" "$tmp/res/a.result" -o "$tmp/twice.html"
expect_stderr_has "is the same file as" "$UD" class "$tmp/res" "$tmp/res/a.result" -o "$tmp/twice.html"
expect_status 0 "$UD" class "$tmp/res/a.result" "$tmp/res/b.result" -o "$tmp/fr.html" --lang fr
checks=$((checks + 1))
grep -q "Résultats de la classe" "$tmp/fr.html" || bad "the report speaks French with --lang fr"
# errors name the file and line, or the option
printf 'unitdesa-result 1\nscenario_id\tx\ncolumns\tmonth,cash\nrow\t1,abc\n' > "$tmp/bad.result"
expect_stderr_has "$tmp/bad.result:4: row value 2 (cash) must be a decimal number" "$UD" class "$tmp/bad.result"
printf 'hello\n' > "$tmp/notone.result"
expect_stderr_has "$tmp/notone.result:1: not a Unit Desa result file" "$UD" class "$tmp/notone.result"
expect_stderr_has "unitdesa class: $tmp/nothing: no such file or folder" "$UD" class "$tmp/nothing"
"$UD" run $T --result "$tmp/t.result" >/dev/null 2>&1
expect_stderr_has "one report compares one scenario" "$UD" class "$tmp/res/a.result" "$tmp/t.result"
expect_stderr_has "unitdesa class: --lang: no translation for 'xx'" "$UD" class "$tmp/res" --lang xx
finish
