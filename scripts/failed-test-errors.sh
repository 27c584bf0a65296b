#!/usr/bin/env bash
# For every failed test in the TRX reports of a results directory: the errors the integration suite's app
# logged while that test ran (LogCapture writes them to $1/app-errors.log). A 500 in CI is then a stack trace.
set -uo pipefail
results="$1"
log="$results/app-errors.log"
[ -s "$log" ] || exit 0
grep -ho '<UnitTestResult [^>]*outcome="Failed"[^>]*' "$results"/*.trx 2>/dev/null |
    sed -E 's/.*testName="([^"]*)".*startTime="([^"]*)".*endTime="([^"]*)".*/\2\t\3\t\1/' |
    while IFS=$'\t' read -r start end name; do
        echo "App errors logged while this test ran: $name"
        # Timestamps share one format and zone, so comparing them as text orders them in time.
        awk -v s="$start" -v e="$end" 'substr($0, 1, 33) >= s && substr($0, 1, 33) <= e' "$log" | head -80
    done
