#!/usr/bin/env bash
# Two app nodes behind HAProxy on one PostgreSQL, run as a city runs them (Production, key ring certificate, daemon
# HotCold, job servers on both), and the checks of docs/operations.md "Several nodes": sign in on one node and act
# on the other; kill -9 the daemon's leader in a burst of intakes and measure the takeover; count requests and
# mails; a rolling restart under load; recurring jobs once across nodes. Prints a table; exit 1 if a check fails.
#
#   scripts/cluster.sh                 burst of 30 s (about 4 minutes in all)
#   BURST_SECONDS=12 DIGEST_MINUTES=1 scripts/cluster.sh   the short form ./test.sh runs (about 1.5 minutes)
#
# Installs HAProxy (Debian's package) when it is missing; needs what ./test.sh sets up.
set -euo pipefail
cd "$(dirname "$0")/.."

DB=digitalehilfe_cluster
CONNECTION="Host=127.0.0.1;Port=5432;Database=$DB;Username=digitalehilfe;Password=digitalehilfe"
STATE_DIR="$PWD/.run/cluster"
CONFIGURATION="${CONFIGURATION:-Release}"
mkdir -p "$STATE_DIR"

scripts/ensure-postgres.sh "$DB"
if ! command -v haproxy >/dev/null || ! command -v openssl >/dev/null; then
    echo "HAProxy or OpenSSL is not installed; installing Debian's packages ..."
    as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy openssl >/dev/null
fi
for port in 5300 5301 5302; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "Port $port is taken; stop what runs there first." >&2; exit 1; fi
done

# The key ring certificate every node shares (docs/operations.md shows the same two commands).
cert="$STATE_DIR/keyring.pfx"
if [ ! -f "$cert" ]; then
    openssl req -x509 -newkey rsa:2048 -sha256 -days 30 -nodes -subj "/CN=DigitaleHilfe cluster check" \
        -keyout "$STATE_DIR/keyring.key" -out "$STATE_DIR/keyring.crt" 2>/dev/null
    openssl pkcs12 -export -inkey "$STATE_DIR/keyring.key" -in "$STATE_DIR/keyring.crt" -out "$cert" -passout pass:cluster-check
    rm -f "$STATE_DIR/keyring.key"
fi

if [ "${SKIP_BUILD:-}" != 1 ]; then
    dotnet build src/DigitaleHilfe.Web -c "$CONFIGURATION" -v quiet -nologo >/dev/null
    dotnet build tests/DigitaleHilfe.LoadTests -c "$CONFIGURATION" -v quiet -nologo >/dev/null
fi
load() { dotnet "tests/DigitaleHilfe.LoadTests/bin/$CONFIGURATION/net10.0/DigitaleHilfe.LoadTests.dll" "$@"; }
app="src/DigitaleHilfe.Web/bin/$CONFIGURATION/net10.0/DigitaleHilfe.Web.dll"

# Accounts and API keys, no requests (every mail in the check then belongs to its own intakes). Then the order of an
# upgrade: the schema first (db-apply, as in production), the nodes after.
load seed --connection "$CONNECTION" --state "$STATE_DIR/state.json" --requests 0 --open 0 --callers 0 --volunteers 50 >/dev/null
(cd "$(dirname "$app")" && ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Postgres="$CONNECTION" DataProtection__Certificate__Path="$cert" \
    DataProtection__Certificate__Password=cluster-check dotnet "$(basename "$app")" db-apply >/dev/null)

load cluster --app "$app" --connection "$CONNECTION" --state "$STATE_DIR/state.json" --certificate "$cert" --password cluster-check \
    --proxy-config "$PWD/scripts/haproxy-cluster.cfg" --seconds "${BURST_SECONDS:-30}" --digest-minutes "${DIGEST_MINUTES:-2}"
