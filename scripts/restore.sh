#!/usr/bin/env bash
# Restores a dump of scripts/backup.sh into a new database (docs/operations.md, Backups).
#
#   scripts/restore.sh FILE [DATABASE]              → into DATABASE (default: digitalehilfe_restored); fails if it exists
#   REPLACE=1 scripts/restore.sh FILE DATABASE       → drops DATABASE first (stop the app on it before)
#
# Connection: PGHOST, PGPORT, PGUSER, PGPASSWORD as for backup.sh; the user needs CREATEDB (the app's role has
# it) and becomes the owner of everything restored. Then point ConnectionStrings:Postgres at DATABASE and start
# the app: the async daemon resumes from the progress stored in the dump.
set -euo pipefail

file="${1:-}"
target="${2:-digitalehilfe_restored}"
[ -n "$file" ] && [ -f "$file" ] || { echo "Usage: scripts/restore.sh FILE [DATABASE] (FILE must exist)" >&2; exit 2; }
[[ "$target" =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || { echo "DATABASE must be a plain name (a-z, 0-9, _)." >&2; exit 2; }

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-digitalehilfe}"
[ -n "${PGPASSWORD:-}" ] || [ -f "${PGPASSFILE:-$HOME/.pgpass}" ] || export PGPASSWORD=digitalehilfe

exists=$(psql -d postgres -qtAc "select 1 from pg_database where datname = '$target'")
if [ -n "$exists" ]; then
    [ "${REPLACE:-}" = 1 ] || { echo "Database $target exists; set REPLACE=1 to drop it first." >&2; exit 1; }
    psql -d postgres -qc "drop database \"$target\" with (force)"
fi

started=$(date +%s.%N)
psql -d postgres -qc "create database \"$target\" encoding 'UTF8' template template0"
# The app needs one extension, pg_trgm (trusted: the database owner may create it). Others in the dump, such as a
# superuser's pg_stat_statements, are left out; create them as a superuser afterwards if you want them.
list="$(mktemp)"
trap 'rm -f "$list"' EXIT
pg_restore --list "$file" | awk '/ (EXTENSION|COMMENT) - (EXTENSION )?[a-z_0-9]+ *$/ && $NF != "pg_trgm" { next } { print }' > "$list"
# --no-owner: everything belongs to the restoring user; --exit-on-error: a half restore is no restore.
pg_restore --no-owner --no-privileges --exit-on-error --jobs=2 --use-list="$list" --dbname="$target" "$file"
psql -d "$target" -qc "set client_min_messages = error; analyze"
seconds=$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
echo "Restored $file into $target in $seconds s"
