#!/usr/bin/env bash
# A backup of the whole database (events, documents, Hangfire's jobs, the Data Protection keys) with pg_dump's
# custom format, kept in a rotation (docs/operations.md, Backups). Safe while the app runs: pg_dump reads one
# consistent snapshot and blocks no writer.
#
#   scripts/backup.sh                      → $BACKUP_DIR/digitalehilfe-<UTC time>.dump, the newest $KEEP kept
#
# Connection: the usual libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE); defaults are the
# app's own (127.0.0.1:5432, digitalehilfe). BACKUP_DIR defaults to /var/backups/digitalehilfe, KEEP to 14.
set -euo pipefail

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-digitalehilfe}" PGDATABASE="${PGDATABASE:-digitalehilfe}"
[ -n "${PGPASSWORD:-}" ] || [ -f "${PGPASSFILE:-$HOME/.pgpass}" ] || export PGPASSWORD=digitalehilfe
dir="${BACKUP_DIR:-/var/backups/digitalehilfe}"
keep="${KEEP:-14}"
case "$keep" in ''|*[!0-9]*|0) echo "KEEP must be a whole number of at least 1." >&2; exit 2 ;; esac

mkdir -p "$dir"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
file="$dir/$PGDATABASE-$stamp.dump"
partial="$file.partial"
trap 'rm -f "$partial"' EXIT

started=$(date +%s.%N)
pg_dump --format=custom --compress=6 --file="$partial" "$PGDATABASE"
# A dump that pg_restore cannot read is no backup: check its table of contents before it counts.
pg_restore --list "$partial" >/dev/null
mv "$partial" "$file"
seconds=$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')

# Rotation: the newest $keep dumps of this database stay, older ones go.
ls -1 "$dir/$PGDATABASE-"*.dump 2>/dev/null | sort | head -n -"$keep" | while read -r old; do rm -f "$old"; done

echo "Backup $file ($(du -h "$file" | cut -f1), $seconds s); $(ls -1 "$dir/$PGDATABASE-"*.dump | wc -l) kept in $dir"
