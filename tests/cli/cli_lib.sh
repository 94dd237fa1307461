# Helpers for command-line tests: run a command, compare its status and output.
failures=0
checks=0
out=$(mktemp)
err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT

run() { "$@" >"$out" 2>"$err"; status=$?; }
bad() { failures=$((failures + 1)); echo "FAIL: $*"; echo "  stdout: $(head -c 400 "$out")"; echo "  stderr: $(head -c 400 "$err")"; }

expect_status() {
    want=$1; shift; checks=$((checks + 1)); run "$@"
    [ "$status" -eq "$want" ] || bad "expected exit $want, got $status: $*"
}
expect_stdout_has() {
    want=$1; shift; checks=$((checks + 1)); run "$@"
    grep -qF -- "$want" "$out" || bad "expected stdout to contain '$want': $*"
}
expect_stdout_lacks() {
    unwanted=$1; shift; checks=$((checks + 1)); run "$@"
    ! grep -qF -- "$unwanted" "$out" || bad "expected stdout not to contain '$unwanted': $*"
}
expect_stderr_has() {
    want=$1; shift; checks=$((checks + 1)); run "$@"
    grep -qF -- "$want" "$err" || bad "expected stderr to contain '$want': $*"
}
expect_stderr_lines() {
    want=$1; shift; checks=$((checks + 1)); run "$@"
    got=$(wc -l <"$err")
    [ "$got" -eq "$want" ] || bad "expected $want line(s) on stderr, got $got: $*"
}
finish() {
    echo "$((checks - failures)) passed, $failures failed"
    [ "$failures" -eq 0 ]
}
