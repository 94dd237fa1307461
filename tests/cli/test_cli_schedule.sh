#!/bin/sh
# `unitdesa schedule`: the reference example, the table, and every bad-input case.
. "$(dirname "$0")/cli_lib.sh"
UD="$1"
S="$UD schedule --principal 1000.00 --minor-units 2 --annual-rate 24 --installments 12 --frequency monthly"

expect_status 0 $S --method declining-annuity --grace 2 --json
expect_stdout_has '{"minor_units": 2, "installments": [{"n": 1, "principal": 0, "interest": 2000, "fee": 0, "payment": 2000, "balance": 100000}, ' $S --method declining-annuity --grace 2 --json
expect_stdout_has '"total_principal": 100000, "total_interest": 15325, "total_fees": 0, "apr_percent": 23.9984, "eir_percent": 26.8222}' $S --method declining-annuity --grace 2 --json
expect_stdout_has '"total_fees": 1500' $S --fee-percent 1.5 --json
expect_stdout_has '"total_fees": 1500' $S --fee-flat 15.00 --json
expect_stdout_has 'APR 41.7020%' $S --method flat
expect_stdout_has '"total_interest": 15325' "$UD" schedule --principal 1,000.00 --annual-rate 24% --installments 12 --grace 2 --json
expect_stdout_has '1,000.00' $S --method declining-equal-principal
expect_stdout_has '"n": 26' "$UD" schedule --principal 500000 --currency IDR --annual-rate 30 --installments 26 --frequency fortnightly --json
expect_status 0 $S --help

# Bad input: exit 2, one line naming the option.
for case in \
    "principal|--principal 0 --annual-rate 24 --installments 12" \
    "principal|--principal -5 --annual-rate 24 --installments 12" \
    "principal|--principal 10.005 --annual-rate 24 --installments 12" \
    "principal|--principal abc --annual-rate 24 --installments 12" \
    "principal|--principal 99999999999999999999 --annual-rate 24 --installments 12" \
    "annual-rate|--principal 100 --annual-rate 1000.5 --installments 12" \
    "annual-rate|--principal 100 --annual-rate -1 --installments 12" \
    "installments|--principal 100 --annual-rate 24 --installments 0" \
    "installments|--principal 100 --annual-rate 24 --installments twelve" \
    "grace|--principal 100 --annual-rate 24 --installments 12 --grace 12" \
    "method|--principal 100 --annual-rate 24 --installments 12 --method balloon" \
    "frequency|--principal 100 --annual-rate 24 --installments 12 --frequency daily" \
    "fee-percent|--principal 100 --annual-rate 24 --installments 12 --fee-percent 100" \
    "fee-flat|--principal 100 --annual-rate 24 --installments 12 --fee-flat 100" \
    "fee-percent|--principal 100 --annual-rate 24 --installments 12 --fee-percent 1 --fee-flat 1" \
    "minor-units|--principal 100 --annual-rate 24 --installments 12 --minor-units 9" \
    "currency|--principal 100 --annual-rate 24 --installments 12 --currency ZZZ" \
    "principal|--annual-rate 24 --installments 12" \
    "bogus|--principal 100 --annual-rate 24 --installments 12 --bogus" \
    "installments|--principal 100 --annual-rate 24 --installments"; do
    option=${case%%|*}
    args=${case#*|}
    expect_status 2 "$UD" schedule $args
    expect_stderr_has "--$option" "$UD" schedule $args
    expect_stderr_lines 1 "$UD" schedule $args
done
finish
