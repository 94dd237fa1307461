#!/bin/sh
# `unitdesa run` and `unitdesa bench`: CSV shape, balance on every row, determinism, errors.
. "$(dirname "$0")/cli_lib.sh"
UD="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp" "$out" "$err"' EXIT

header="month,cash,gross_portfolio,active_borrowers,women_share,avg_loan_to_income,par30,par90,write_offs,recoveries,loan_loss_reserve,risk_coverage,deposits,borrowings,equity,total_assets,total_liabilities,financial_revenue,financial_expense,provision_expense,operating_expense,portfolio_yield,opex_ratio,cost_per_borrower,borrowers_per_officer,oss,fss,subsidy_dependence,households_in_poverty,avg_household_income,rescheduled_ratio,write_off_ratio,deposits_to_loans,capture_share,roa,women_borrowers,officers,poor_women,poor_men,women_in_distress,overindebted_share,poor_clients,poor_reach,poor_client_income_gain,households_in_distress,staff_turnover,pay_to_market"

expect_status 0 "$UD" run --seed 3 --months 24 --csv "$tmp/a.csv"
expect_stdout_has "active borrowers" "$UD" run --seed 3 --months 24 --csv "$tmp/a.csv"
checks=$((checks + 1))
[ "$(head -n 1 "$tmp/a.csv")" = "$header" ] || bad "CSV header differs: $(head -n 1 "$tmp/a.csv")"
checks=$((checks + 1))
[ "$(wc -l < "$tmp/a.csv")" -eq 25 ] || bad "expected 24 rows and a header in $tmp/a.csv"
checks=$((checks + 1))
awk -F, 'NR > 1 && $16 != $17 + $15 { print "row " $1 ": assets " $16 " != " $17 " + " $15; bad = 1 } END { exit bad }' "$tmp/a.csv" || bad "the balance sheet does not balance on every row"

"$UD" run --seed 3 --months 24 --csv "$tmp/b.csv" >/dev/null
"$UD" run --seed 4 --months 24 --csv "$tmp/c.csv" >/dev/null
checks=$((checks + 1))
cmp -s "$tmp/a.csv" "$tmp/b.csv" || bad "the same seed gave different CSV"
checks=$((checks + 1))
! cmp -s "$tmp/a.csv" "$tmp/c.csv" || bad "different seeds gave the same CSV"

# With --csv -, the CSV is on standard output and the summary on standard error.
expect_stdout_has "$header" "$UD" run --months 2 --csv -
expect_stderr_has "active borrowers" "$UD" run --months 2 --csv -
# a script's print() goes to standard error: it cannot forge rows into the CSV
cat >"$tmp/printer.lua" <<'LUA'
scenario { id = "printer", title = "Printer", months = 3 }
every_month(function(m) print("999,forged,row," .. m) end)
LUA
expect_stderr_has "999,forged,row,2" "$UD" run "$tmp/printer.lua" --csv -
expect_stdout_lacks "forged" "$UD" run "$tmp/printer.lua" --csv -

expect_status 2 "$UD" run --months 0
expect_stderr_has "--months must be a whole number from 1 to 240 (got '0')" "$UD" run --months 0
expect_status 2 "$UD" run --seed -4
expect_stderr_has "--seed" "$UD" run --seed abc
expect_status 2 "$UD" run --colour
# an empty value (an unset shell variable) is a usage error, said as such
expect_status 2 "$UD" run --csv ""
expect_stderr_has "option '--strategy' needs a value (it was given an empty one)" "$UD" run --strategy ""
expect_stderr_has "unknown option '--colour'" "$UD" run --colour
expect_status 1 "$UD" run --months 1 --csv /nonexistent/dir/x.csv
expect_stderr_has "cannot write '/nonexistent/dir/x.csv'" "$UD" run --months 1 --csv /nonexistent/dir/x.csv
# an empty scenario name, and a game window for a scenario that is not there: one clear line
expect_status 1 "$UD" run ''
expect_stderr_has "unitdesa run: the scenario's name is empty" "$UD" run ''
expect_stderr_has "'no_such.lua' is neither a file here nor a scenario's id" env SDL_VIDEODRIVER=dummy "$UD" play no_such.lua
expect_stderr_lines 1 env SDL_VIDEODRIVER=nonexistent "$UD" play no_such.lua
# a file that opens but takes no writes is reported before a month is played (no story)
if [ -e /proc/version ]; then
    expect_status 1 "$UD" run --months 3 --story --csv /proc/version
    expect_stderr_has "cannot write '/proc/version'" "$UD" run --months 3 --csv /proc/version
    if "$UD" run --months 3 --story --csv /proc/version 2>/dev/null | grep -q "Month 1"; then
        bad "run played months before finding that --csv takes no writes"
    fi
    expect_stderr_has "cannot write '/proc/version'" "$UD" tournament m4_growth_and_quality --runs 1 --csv /proc/version
fi

expect_status 0 "$UD" bench --months 2 --sizes 100,200
expect_stdout_has "households=200 months=2 household_months_per_s=" "$UD" bench --months 2 --sizes 100,200
expect_status 2 "$UD" bench --sizes 0
# a list with an empty entry is refused, as --answers is
expect_stderr_has "unitdesa bench: --sizes must list household counts from 1 to 1000000 separated by commas, at most 8 (got '1,,2')" "$UD" bench --sizes 1,,2
expect_status 2 "$UD" bench --sizes 1,2,
expect_status 2 "$UD" bench --sizes 1,2,3,4,5,6,7,8,9
expect_stderr_has "unitdesa run: --answers must list options" "$UD" run --answers 2,1,
# more answers than the game asks questions: said, not silently dropped
expect_stderr_has "the game asked 1 question(s); the last 2 were not used" "$UD" run m2_election --answers 2,1,2
# the measures exclude each other, and --months/--sizes belong to the villages' one
expect_status 2 "$UD" bench --scenarios --debrief
expect_stderr_has "unitdesa bench: --scenarios and --debrief exclude each other" "$UD" bench --scenarios --debrief
expect_stderr_has "unitdesa bench: --scenarios and --gui exclude each other" "$UD" bench --gui --scenarios
# the GUI benchmark leaves the data folder it is given alone (no result, no autosave)
checks=$((checks + 1))
bench_data=$(mktemp -d)
SDL_VIDEODRIVER=dummy UNITDESA_DATA_DIR="$bench_data" "$UD" bench --gui >/dev/null 2>&1
[ -z "$(ls -A "$bench_data")" ] || bad "bench --gui wrote into UNITDESA_DATA_DIR: $(ls -A "$bench_data")"
rm -rf "$bench_data"
expect_stderr_has "unitdesa bench: --months applies to the villages' measure, not to --debrief" "$UD" bench --debrief --months 3
# an option with a value given twice is refused, whichever command: which one was meant?
expect_status 2 "$UD" run --seed 1 --seed 2
expect_stderr_has "unitdesa run: option '--seed' is given twice ('1' and '2'); give it once" "$UD" run --seed 1 --seed 2
expect_stderr_has "unitdesa run: option '--csv' is given twice ('$tmp/x.csv' and '$tmp/y.csv')" "$UD" run --csv "$tmp/x.csv" --csv "$tmp/y.csv"
checks=$((checks + 1))
[ ! -e "$tmp/x.csv" ] && [ ! -e "$tmp/y.csv" ] || bad "no CSV written when --csv is given twice"
expect_stderr_has "unitdesa run: option '--strategy' is given twice" "$UD" run --strategy a.lua --strategy=b.lua
expect_stderr_has "unitdesa sweep: option '--jobs' is given twice ('2' and '1')" "$UD" sweep x.lua --runs 2 --jobs 2 --jobs 1
expect_stderr_has "unitdesa bench: option '--sizes' is given twice" "$UD" bench --sizes 10 --sizes 20
expect_stderr_has "unitdesa class: option '--output' is given twice" "$UD" class x -o a.html -o b.html
# a flag said twice still means the same
expect_status 0 "$UD" run --months 2 --story --story
# bench's own --scenarios flag is not taken for the scenario-folder option of other commands
expect_stdout_has "tutorial/first_steps.lua load_ms=" "$UD" bench --scenarios
finish
