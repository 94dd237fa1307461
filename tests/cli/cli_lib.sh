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
expect_stderr_lacks() {
    unwanted=$1; shift; checks=$((checks + 1)); run "$@"
    ! grep -qF -- "$unwanted" "$err" || bad "expected stderr not to contain '$unwanted': $*"
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
# For a test that runs from the source tree (arguments: the binary, the source folder): sets
# UD, SRC and a scratch folder $tmp (removed at the end), enters SRC, and gives the program a
# fresh data folder with no trainer's scenarios, extra scenario folders or team name.
in_source_tree() {
    UD="$1"
    SRC="$2"
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp" "$out" "$err"' EXIT
    cd "$SRC" || exit 1
    export UNITDESA_DATA_DIR="$tmp/data"
    unset UNITDESA_SCENARIO_PATH UNITDESA_TEAM
}
finish() {
    echo "$((checks - failures)) passed, $failures failed"
    [ "$failures" -eq 0 ]
}
