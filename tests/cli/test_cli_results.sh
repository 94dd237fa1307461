#!/bin/sh
# Team result files are untrusted (they come from the teams' PCs on USB sticks): the class
# report refuses any field out of its type or range, unknown, repeated or missing, naming
# file:line and the field, and never writes a page from a bad file.
. "$(dirname "$0")/cli_lib.sh"
in_source_tree "$1" "$2"
S=scenarios/m2-government/credit_line.lua
mkdir -p "$tmp/good" "$tmp/bad"
good="$tmp/good/team.result"
# six months of a strategy that takes decisions (offers accepted in month 2, a hire in 5)
"$UD" run $S --seed 4 --months 6 --strategy scenarios/strategies/m2_take_everything.lua \
    --team "Team A" --result "$good" >/dev/null 2>&1
expect_stdout_has "1 team(s) of" "$UD" class "$good" -o "$tmp/good.html" --no-benchmark

# line_of KEY: the line number of KEY's first line in the good file
line_of() { grep -n "^$1	" "$good" | head -1 | cut -d: -f1; }
# refused KEY VALUE MESSAGE: the good file with KEY's first line's values replaced is refused
# with "FILE:LINE: MESSAGE", and no page is written
refused() {
    key=$1 value=$2 message=$3
    n=$(line_of "$key")
    f="$tmp/bad/$key.result"
    awk -v n="$n" -v line="$key	$value" 'NR == n { print line; next } { print }' "$good" >"$f"
    rm -f "$tmp/bad.html"
    expect_stderr_has "$f:$n: $message" timeout 20 "$UD" class "$f" -o "$tmp/bad.html" --no-benchmark
    checks=$((checks + 1))
    [ "$status" -eq 1 ] && [ ! -e "$tmp/bad.html" ] || bad "exit 1 and no page for $key '$value' (got $status)"
}

# whole numbers: fully parsed, in range (a game lasts 1 to 240 months)
refused months 2147483647 "months must be a whole number from 1 to 240 (got '2147483647')"
refused months 100000 "months must be a whole number from 1 to 240 (got '100000')"
refused months 241 "months must be a whole number from 1 to 240 (got '241')"
refused months -1 "months must be a whole number from 1 to 240 (got '-1')"
refused months 6x "months must be a whole number from 1 to 240 (got '6x')"
refused months " 6" "months must be a whole number from 1 to 240 (got ' 6')"
refused played 99999 "played must be a whole number from 0 to 240 (got '99999')"
refused played 0 "played must be the number of row lines (6) (got '0')"
# a game its scenario halted before its first month (played 0, no rows) is left out, named,
# and the others' report is written
mkdir -p "$tmp/halted"
cp "$good" "$tmp/halted/good.result"
awk -F'\t' '$1 == "played" { print "played\t0"; next } $1 == "row" || $1 == "decision" { next } { print }' \
    "$good" >"$tmp/halted/stopped.result"
expect_stderr_has "stopped.result: left out: the team's game ended before its first month" \
    timeout 20 "$UD" class "$tmp/halted" -o "$tmp/halted.html" --no-benchmark
[ "$status" -eq 0 ] && [ -s "$tmp/halted.html" ] || bad "the others' report is written (got $status)"
refused played 5 "played must be the number of row lines (6) (got '5')"
f="$tmp/bad/short.result"
sed 's/^months	6$/months	5/' "$good" >"$f"
expect_stderr_has "$f:$(line_of played): played must be at most months (5, line $(line_of months)) (got '6')" "$UD" class "$f" --no-benchmark
refused seed x "seed must be a whole number from 0 to 9223372036854775807 (got 'x')"
refused seed 9223372036854775808 "seed must be a whole number from 0 to 9223372036854775807"
refused seed 1.5 "seed must be a whole number from 0 to 9223372036854775807 (got '1.5')"
# an escape sequence in a field is shown harmless, not sent to the trainer's terminal
refused seed "$(printf '\033[2Jx')" "seed must be a whole number from 0 to 9223372036854775807 (got '?[2Jx')"
refused scores "nan	25" "scores (institution) must be a whole number from 0 to 100 (got 'nan')"
refused scores "61	-99999" "scores (clients) must be a whole number from 0 to 100 (got '-99999')"
refused scores "61" "scores must have 2 values after its name (got 1)"
refused currency "IDR	99" "currency minor units must be a whole number from 0 to 6 (got '99')"
refused currency "IDR	0	x" "currency must have 2 values after its name (got 3)"
refused hash "zz" "hash must be 16 hexadecimal digits (got 'zz')"
# names from a fixed list
refused end bogus "end must be one of running, finished, won, lost, insolvent, halted (got 'bogus')"
refused goal "target	maybe	PAR30 below 5%" "goal verdict must be met or missed (got 'maybe')"
refused goal "lose	met	PAR30 below 5%" "goal verdict must be avoided or happened (got 'met')"
refused goal "bonus	met	PAR30 below 5%" "goal kind must be target, win or lose (got 'bonus')"
refused team "" "team must be a text that is not empty"
refused columns "month,cash,cash" "columns must be names that are not repeated (got 'cash')"
refused columns "month,,cash" "columns must be indicator names separated by commas"
refused columns "month,bogus" "columns must be names of indicators"
# monthly values: finite decimal numbers, one per column, months in order
row1=$(grep '^row	' "$good" | head -1 | cut -f2)
refused row "$(echo "$row1" | sed 's/^1,[^,]*/1,nan/')" "row value 2 (cash) must be a decimal number of at most 9.3e18 either way (got 'nan')"
refused row "$(echo "$row1" | sed 's/^1,[^,]*/1,1e999/')" "row value 2 (cash) must be a decimal number"
refused row "$(echo "$row1" | sed 's/^1,[^,]*/1,0x10/')" "row value 2 (cash) must be a decimal number"
refused row "$(echo "$row1" | sed 's/^\(1,[^,]*,[^,]*\),[^,]*/\1,1.5/')" "row value 4 (active_borrowers) must be a whole number (a count, or money in minor units) (got '1.5')"
refused row "$(echo "$row1" | sed 's/^1,[^,]*/1,100.25/')" "row value 2 (cash) must be a whole number (a count, or money in minor units) (got '100.25')"
refused row "$(echo "$row1" | sed 's/^1,/2,/')" "row month must be 1 (the rows go month by month from 1) (got '2')"
refused row "$row1,5" "row must have 47 values, one per column"
refused decision "7	hired an officer" "decision month must be at most played (6, line"
refused decision "-1	hired an officer" "decision month must be a whole number from 0 to 240 (got '-1')"

# unknown, repeated and missing fields
f="$tmp/bad/unknown.result"
sed 's/^module	/modul	/' "$good" >"$f"
expect_stderr_has "$f:$(line_of module): unknown field 'modul'" "$UD" class "$f" --no-benchmark
f="$tmp/bad/twice.result"
awk '{ print } /^seed	/ { print "seed	7" }' "$good" >"$f"
n=$(line_of seed)
expect_stderr_has "$f:$((n + 1)): seed is given twice (first on line $n)" "$UD" class "$f" --no-benchmark
f="$tmp/bad/missing.result"
grep -v '^end	' "$good" >"$f"
expect_stderr_has "the result file has no 'end' line" "$UD" class "$f" --no-benchmark
f="$tmp/bad/newer.result"
sed '1s/.*/unitdesa-result 2/' "$good" >"$f"
expect_stderr_has "$f:1: a result file of format 2, written by a newer version of Unit Desa" "$UD" class "$f" --no-benchmark
f="$tmp/bad/nul.result"
awk 'NR == 3 { printf "team\tA"; printf "%c", 0; print "B"; next } { print }' "$good" >"$f"
expect_stderr_has "$f:3: the line holds a NUL byte" "$UD" class "$f" --no-benchmark
f="$tmp/bad/long.result"
awk -v long="$(head -c 9000 /dev/zero | tr '\0' x)" 'NR == 5 { print "title\t" long; next } { print }' "$good" >"$f"
expect_stderr_has "$f:5: the line is too long for a result file" "$UD" class "$f" --no-benchmark

# a byte-order mark before the first line, as some editors write, is read past
f="$tmp/bom.result"
printf '\357\273\277' >"$f"
cat "$good" >>"$f"
"$UD" class "$f" -o "$tmp/bom.html" --no-benchmark >/dev/null 2>&1
checks=$((checks + 1))
[ -s "$tmp/bom.html" ] || bad "a result file that starts with a byte-order mark was refused"

# one bad file among good ones: named, and no page (a team left out would look absent)
cp "$good" "$tmp/good/team2.result"
cp "$tmp/bad/months.result" "$tmp/good/team3.result"
expect_stderr_has "unitdesa class: no report written: 1 of 3 result file(s) could not be read" "$UD" class "$tmp/good" -o "$tmp/class.html" --no-benchmark
checks=$((checks + 1))
[ ! -e "$tmp/class.html" ] || bad "no page when a team's file is refused"

# more teams than a report compares: refused, never a page with some silently left out
mkdir -p "$tmp/many"
i=1
while [ $i -le 65 ]; do
    cp "$good" "$tmp/many/team$i.result"
    i=$((i + 1))
done
expect_status 1 "$UD" class "$tmp/many" -o "$tmp/many.html" --no-benchmark
expect_stderr_has "unitdesa class: 65 result files, but a report compares at most 64 teams" "$UD" class "$tmp/many" -o "$tmp/many.html" --no-benchmark
rm "$tmp/many/team65.result"
# 64 teams: every one in the overview table
"$UD" class "$tmp/many" -o "$tmp/many.html" --no-benchmark >/dev/null 2>&1
checks=$((checks + 1))
[ "$(grep -o '<tr><th>' "$tmp/many.html" | wc -l)" -ge 65 ] || bad "the overview of 64 teams lists $(grep -o '<tr><th>' "$tmp/many.html" | wc -l) rows"
finish
