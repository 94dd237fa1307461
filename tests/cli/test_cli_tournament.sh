#!/bin/sh
# `unitdesa tournament`: the win matrix, the scores, the failure rules and the exit status.
. "$(dirname "$0")/cli_lib.sh"
UD="$1"
DIR="$2"
# Lesson strategies must lie in the scenarios folder: for these tests, it is this one.
UNITDESA_SCENARIOS="$DIR"
export UNITDESA_SCENARIOS
tmp=$(mktemp -d)
trap 'rm -rf "$tmp" "$out" "$err"' EXIT

expect_status 0 "$UD" tournament "$DIR/holds.lua" --runs 6 --jobs 2
expect_stdout_has "win matrix" "$UD" tournament "$DIR/holds.lua" --runs 6 --jobs 2
expect_stdout_has "S1      -  100" "$UD" tournament "$DIR/holds.lua" --runs 6 --jobs 2
expect_stdout_has "mean of months 6-12 (higher is better), seeds 1-6" "$UD" tournament "$DIR/holds.lua" --runs 6
expect_stdout_has "the lesson holds" "$UD" tournament "$DIR/holds.lua" --runs 6
# a strategy whose commands are refused is named, with the first message
expect_stdout_has "note: P1 (broken) had script problems in 6 of 6 runs; the first: " "$UD" tournament "$DIR/holds.lua" --runs 6
expect_stdout_has "broken.lua:8: hire{}: salary must be" "$UD" tournament "$DIR/holds.lua" --runs 6

expect_status 1 "$UD" tournament "$DIR/fails.lua" --runs 6 --jobs 2
expect_stdout_has "FAIL: sound S1 (closed) beats naive N1 (lend) on 0% of seeds, needs 90%" "$UD" tournament "$DIR/fails.lua" --runs 6
expect_stdout_has "FAIL: probe P1 (lend) meets every goal in 100% of runs, at most 20% allowed" "$UD" tournament "$DIR/fails.lua" --runs 6
expect_stdout_has "FAIL: probe P1 (lend) has a client score of" "$UD" tournament "$DIR/fails.lua" --runs 6
expect_stdout_has "the lesson does not hold" "$UD" tournament "$DIR/fails.lua" --runs 6
# the margins the verdict rests on, in one line each
expect_stdout_has "least sound-beats-naive: 0% of seeds, S1 (closed) against N1 (lend); needs 90%" "$UD" tournament "$DIR/fails.lua" --runs 6
expect_stdout_has "most goals met by a probe: 100% of runs, P1 (lend); at most 20%" "$UD" tournament "$DIR/fails.lua" --runs 6

# lending nothing is no clean book: its PAR30 over the window counts as all at risk
expect_stdout_has "S1      -  100" "$UD" tournament "$DIR/empty_book.lua" --runs 3
expect_stdout_has "N1   naive  closed                                         1.0000" "$UD" tournament "$DIR/empty_book.lua" --runs 3

# a strategy whose script is stopped (the processor backstop halts its games) fails the
# lesson by name, and its unfinished games are not scored against the others
"$UD" tournament "$DIR/halts.lua" --runs 2 --jobs 2 >"$tmp/halts.txt" 2>&1
grep -q "FAIL: probe P1 (stopped) was stopped in 2 of 2 runs, so its games did not finish" "$tmp/halts.txt" || bad "a stopped probe is not named: $(cat "$tmp/halts.txt")"
checks=$((checks + 1))
grep -q "STOPPED in 2 runs" "$tmp/halts.txt" || bad "the table does not mark the stopped probe"
checks=$((checks + 1))
grep -q "FAIL: probe P1 (stopped) meets every goal\|FAIL: probe P1 (stopped) has an" "$tmp/halts.txt" && bad "a stopped probe's unfinished games were judged"
expect_status 1 "$UD" tournament "$DIR/halts.lua" --runs 1
# a stop in the scenario's own script is the scenario's to fix
expect_stdout_has "fix the scenario's script, which was stopped: scenario_halts.lua:" "$UD" tournament "$DIR/scenario_halts.lua" --runs 1

# --csv: a header and one row per strategy and seed
"$UD" tournament "$DIR/fails.lua" --runs 4 --csv "$tmp/t.csv" >/dev/null
checks=$((checks + 1))
[ "$(head -n 1 "$tmp/t.csv")" = "strategy,family,seed,end,lesson_value,institution,clients,goals_met,goals" ] || bad "CSV header differs: $(head -n 1 "$tmp/t.csv")"
checks=$((checks + 1))
[ "$(wc -l < "$tmp/t.csv")" -eq 13 ] || bad "expected 3 strategies x 4 seeds and a header in $tmp/t.csv"
# the same seeds give the same tournament
"$UD" tournament "$DIR/fails.lua" --runs 4 --jobs 1 --csv "$tmp/u.csv" >/dev/null
checks=$((checks + 1))
cmp -s "$tmp/t.csv" "$tmp/u.csv" || bad "the same tournament gave different CSV with other --jobs"

# declarations and options that are wrong say what and where
expect_status 1 "$UD" tournament "$DIR/bad_window.lua"
expect_stderr_has "bad_window.lua:4: scenario{}.lesson.window: to must be between 3 and 12 (got 40)" "$UD" tournament "$DIR/bad_window.lua"
expect_status 1 "$UD" tournament "$DIR/no_naive.lua"
expect_stderr_has "no_naive.lua:2: scenario{}.lesson: at least one sound and one naive strategy are required" "$UD" tournament "$DIR/no_naive.lua"
expect_status 2 "$UD" tournament
expect_status 2 "$UD" tournament "$DIR/holds.lua" --runs 0
expect_stderr_has "--runs must be a whole number from 1 to 100000 (got '0')" "$UD" tournament "$DIR/holds.lua" --runs 0
expect_stdout_has "usage: unitdesa tournament SCENARIO" "$UD" tournament --help
# a strategy outside the scenarios folder is refused, whatever family it is in
expect_status 1 "$UD" tournament "$DIR/outside.lua"
expect_stderr_has "outside.lua:2: scenario{}.lesson: probes must name a strategy file ending in .lua (got /etc/passwd)" "$UD" tournament "$DIR/outside.lua"

# compare: the first sound strategy against the first naive one, on the same window
expect_status 0 "$UD" compare "$DIR/holds.lua" --runs 6 --jobs 2
expect_stdout_has "active_borrowers, mean of months 6-12 (higher is better)" "$UD" compare "$DIR/holds.lua" --runs 6
expect_stdout_has "the sound strategy did better on 6 of 6 seeds" "$UD" compare "$DIR/holds.lua" --runs 6
expect_status 1 "$UD" compare "$DIR/fails.lua" --runs 6 --jobs 2
# an unknown --indicator is a usage error, not a verdict on runs that all score 0
expect_status 2 "$UD" compare "$DIR/holds.lua" --runs 3 --indicator bogus
expect_stderr_has "unitdesa compare: --indicator: unknown indicator 'bogus'; the indicators are listed in scenarios/README.md (Indicators)" "$UD" compare "$DIR/holds.lua" --runs 3 --indicator bogus
expect_stderr_has "--indicator: unknown indicator 'PAR30' (did you mean 'par30'?)" "$UD" compare "$DIR/holds.lua" --runs 3 --indicator PAR30
expect_stdout_lacks "did better" "$UD" compare "$DIR/holds.lua" --runs 3 --indicator PAR30
# a known one, and a score figure a lesson may name, still play
expect_stdout_has "par30, mean of months 6-12" "$UD" compare "$DIR/holds.lua" --runs 3 --indicator par30 --better lower
expect_stdout_has "holistic_score, mean of months 6-12" "$UD" compare "$DIR/holds.lua" --runs 3 --indicator holistic_score
finish
