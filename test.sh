#!/usr/bin/env bash
# Runs every test project against a real PostgreSQL and Chromium, and ends with one line:
# "N passed, N failed" (", N skipped" when any were skipped). Exit code 0 only when nothing failed.
set -uo pipefail
cd "$(dirname "$0")"

scripts/ensure-postgres.sh digitalehilfe_test digitalehilfe_browser digitalehilfe_restart digitalehilfe_backup digitalehilfe_towns digitalehilfe_upgrade digitalehilfe_cli digitalehilfe_masking || { echo "0 passed, 1 failed"; exit 1; }
scripts/ensure-chromium.sh || { echo "0 passed, 1 failed"; exit 1; }

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

dotnet build -nologo -v quiet || { echo "0 passed, 1 failed"; exit 1; }
# One test project at a time: the browser and integration suites each start an app, and on two cores
# running them side by side starves the timing and browser tests of CPU.
export DH_TEST_ERROR_LOG="$results/app-errors.log"
dotnet test --no-build -nologo -m:1 --logger "trx" --results-directory "$results" "$@"
status=$?
scripts/failed-test-errors.sh "$results"

# The two-node check in its short form (docs/operations.md, Several nodes): one more test in the count.
cluster=passed
if [ $# -eq 0 ]; then
    echo "Two nodes behind HAProxy (scripts/cluster.sh, short form) ..."
    if BURST_SECONDS=12 DIGEST_MINUTES=1 CONFIGURATION=Debug SKIP_BUILD=1 scripts/cluster.sh > "$results/cluster.log" 2>&1; then :; else cluster=failed; fi
    grep '^|' "$results/cluster.log" || tail -20 "$results/cluster.log"
fi

# Add up the counters of every project's TRX report.
counter() { grep -ho "<Counters [^>]*" "$results"/*.trx 2>/dev/null | grep -o " $1=\"[0-9]*\"" | grep -o "[0-9]*" | awk '{ s += $1 } END { print s + 0 }'; }
passed=$(counter passed); passed=${passed:-0}
failed=$(( $(counter failed) + $(counter error) + $(counter timeout) + $(counter aborted) ))
if [ $# -eq 0 ]; then [ "$cluster" = passed ] && passed=$((passed + 1)) || failed=$((failed + 1)); fi
skipped=$(counter notExecuted); skipped=${skipped:-0}
# A run that broke (crash, no report) without a failed test to blame still counts as a failure.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ]
