#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers on 127.0.0.1:$PGPORT and that the app's role and the given
# databases exist. Installs Debian's postgresql and starts a cluster when nothing answers.
# Idempotent: a second run changes nothing. Usage: scripts/ensure-postgres.sh DB [DB ...]
set -euo pipefail

PGPORT="${PGPORT:-5432}"
APP_USER="${DH_DB_USER:-digitalehilfe}"
APP_PASSWORD="${DH_DB_PASSWORD:-digitalehilfe}"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
answers() { (exec 3<>"/dev/tcp/127.0.0.1/$PGPORT") 2>/dev/null; }

if ! answers; then
    if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
        echo "PostgreSQL is not installed; installing Debian's postgresql package ..."
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    if ! pg_lsclusters -h 2>/dev/null | grep -q .; then
        as_root pg_createcluster "$version" main --port "$PGPORT" >/dev/null
    fi
    cluster=$(pg_lsclusters -h | awk -v port="$PGPORT" '$3 == port { print $1 " " $2; exit }')
    [ -n "$cluster" ] || cluster=$(pg_lsclusters -h | awk '{ print $1 " " $2; exit }')
    echo "Starting PostgreSQL cluster $cluster ..."
    # shellcheck disable=SC2086
    as_root pg_ctlcluster $cluster start || true
    for _ in $(seq 1 60); do answers && break; sleep 1; done
    answers || { echo "PostgreSQL did not start on port $PGPORT." >&2; exit 1; }
fi

# Nothing to do when the app's role can already reach every database (also the path on machines
# where the server is managed elsewhere, e.g. a CI service container).
reachable=true
for db in "$@"; do
    PGPASSWORD="$APP_PASSWORD" psql -h 127.0.0.1 -p "$PGPORT" -U "$APP_USER" -d "$db" -qtAc 'select 1' >/dev/null 2>&1 || reachable=false
done
$reachable && exit 0

psql_admin() { as_postgres psql -h /var/run/postgresql -p "$PGPORT" -v ON_ERROR_STOP=1 -qtAX "$@"; }

psql_admin -c "DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$APP_USER') THEN
    CREATE ROLE \"$APP_USER\" LOGIN PASSWORD '$APP_PASSWORD' CREATEDB;
  END IF;
END \$\$;"

for db in "$@"; do
    if [ -z "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
        psql_admin -c "CREATE DATABASE \"$db\" OWNER \"$APP_USER\" ENCODING 'UTF8' TEMPLATE template0"
        echo "Created database $db."
    fi
done
