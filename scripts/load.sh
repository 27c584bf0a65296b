#!/usr/bin/env bash
# The load run of docs/performance.md (issue 16): seeds a year of a busy service into its own database
# (100,000 requests, 5,000 open, 50,000 callers, 1,000 volunteers), starts a Release build of the app with
# its job server and async daemon and a local SMTP server, and measures every scenario side by side with
# pgbench. Then adds volunteers up to 10,000 and measures the suggestions.
#
#   scripts/load.sh                      everything (about 10 minutes; the seed is kept for the next run)
#   RESEED=1 scripts/load.sh             seed afresh (intake scenarios add requests on every run)
#   SECONDS_PER_SCENARIO=5 ONLY=lists scripts/load.sh   a short look at one group
#   NODES=split scripts/load.sh          a web node and a job node (jobs and daemon, nice 10) on this machine
#   NODES=web ONLY=intake scripts/load.sh  a web node alone: the intake without any background work
#   ONLY=cost scripts/load.sh            only the database work per intake, with the statements it went to
#
# Needs what ./test.sh sets up (PostgreSQL on 127.0.0.1:5432 with pgbench, the .NET SDK).
set -euo pipefail
cd "$(dirname "$0")/.."

DB="${LOAD_DB:-digitalehilfe_load}"
PGBENCH_DB="${PGBENCH_DB:-pgbench_load}"
URL="${LOAD_URL:-http://127.0.0.1:5095}"
CONNECTION="Host=127.0.0.1;Port=5432;Database=$DB;Username=digitalehilfe;Password=digitalehilfe;Maximum Pool Size=100"
STATE_DIR="$PWD/.run/load"
STATE="$STATE_DIR/state.json"
RESULTS="$STATE_DIR/results.md"
mkdir -p "$STATE_DIR"

scripts/ensure-postgres.sh "$DB" "$PGBENCH_DB"
export PGPASSWORD=digitalehilfe
if ! psql -h 127.0.0.1 -U digitalehilfe -d "$PGBENCH_DB" -qtAc "select 1 from pgbench_branches limit 1" >/dev/null 2>&1; then
    echo "Creating pgbench's tables (scale 10) in $PGBENCH_DB ..."
    pgbench -h 127.0.0.1 -U digitalehilfe -i -s 10 -q "$PGBENCH_DB" >/dev/null 2>&1
fi

# Statements per intake come from pg_stat_statements when the server preloads it
# (shared_preload_libraries = 'pg_stat_statements'; docs/performance.md); commits are counted either way.
if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- psql -qtAX -d "$DB" -c "create extension if not exists pg_stat_statements" >/dev/null 2>&1 || true
fi

dotnet build src/DigitaleHilfe.Web -c Release -v quiet -nologo >/dev/null
dotnet build tests/DigitaleHilfe.LoadTests -c Release -v quiet -nologo >/dev/null
load() { dotnet tests/DigitaleHilfe.LoadTests/bin/Release/net10.0/DigitaleHilfe.LoadTests.dll "$@"; }
app=src/DigitaleHilfe.Web/bin/Release/net10.0/DigitaleHilfe.Web.dll

if [ ! -f "$STATE" ] || [ "${RESEED:-}" = 1 ] || [ "$(psql -h 127.0.0.1 -U digitalehilfe -d "$DB" -qtAc "select count(*) from digitalehilfe.mt_doc_volunteerprofile" 2>/dev/null || echo 0)" -gt 1001 ]; then
    echo "Seeding $DB ..."
    load seed --connection "$CONNECTION" --state "$STATE" --requests "${REQUESTS:-100000}" --open "${OPEN:-5000}" \
        --callers "${CALLERS:-50000}" --volunteers "${VOLUNTEERS:-1000}" --towns "${TOWNS:-1}"
fi

seconds="${SECONDS_PER_SCENARIO:-20}"
only="${ONLY:-intake,lists,board,request,search}"
nodes="${NODES:-one}"
{ echo; echo "Command: scripts/load.sh (SECONDS_PER_SCENARIO=$seconds ONLY=$only NODES=$nodes), $(nproc) cores, $(date -u +%Y-%m-%d)"; } >> "$RESULTS"
status=0
if [ "$only" != "suggestions" ]; then
    load run --app "$app" --url "$URL" --connection "$CONNECTION" --state "$STATE" --pgbench-db "$PGBENCH_DB" \
        --seconds "$seconds" --only "$only" --nodes "$nodes" --markdown "$RESULTS" || status=$?
fi
if [ -z "${ONLY:-}" ] || [ "$only" = "suggestions" ]; then
    echo "Adding volunteers up to 10,000 for the suggestions ..."
    load volunteers --connection "$CONNECTION" --total 10000
    load run --app "$app" --url "$URL" --connection "$CONNECTION" --state "$STATE" --seconds "$seconds" --only suggestions \
        --nodes "$nodes" --markdown "$RESULTS" || status=$?
fi
echo "Results appended to $RESULTS"
exit $status
