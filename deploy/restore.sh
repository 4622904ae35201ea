#!/usr/bin/env bash
# Restores a backup made by deploy/backup.sh into an empty database (or, for a one-schema backup, a
# database without that schema): the tables, their rows — attachments' bytes included — sequences,
# indexes and the audit log's append-only trigger, in one transaction (all or nothing). Then start the
# desk on it: Flyway finds its history and applies only migrations newer than the backup.
#
#   deploy/restore.sh <file.dump>
#
# The target is ATENDE_DB_URL (ATENDE_DB_USERNAME, ATENDE_DB_PASSWORD) or libpq's PG* variables; create the
# database first (createdb atende). A target that already holds the desk's tables is refused: restore
# into a fresh database, check it, then point the desk at it. Needs pg_restore (postgresql-client).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=deploy/pg-env.sh
. "$here/pg-env.sh"
pg_env_from_jdbc_url

file=${1:?usage: deploy/restore.sh <file.dump>}
[[ -f "$file" ]] || { echo "no such backup: $file" >&2; exit 1; }
command -v pg_restore >/dev/null || { echo "pg_restore is missing: apt-get install postgresql-client" >&2; exit 1; }
if [[ -f "$file.sha256" ]]; then
  (cd "$(dirname "$file")" && sha256sum --check --quiet "$(basename "$file").sha256") \
    || { echo "$file does not match its checksum ($file.sha256)" >&2; exit 1; }
fi
# the schemas the backup holds, and whether the target already has the desk's tables in one of them
schemas=$(pg_restore --list "$file" | awk '$4 == "SCHEMA" {print $6}' | sort -u)
[[ -z "$schemas" ]] && schemas=public
for schema in $schemas; do
  present=$(psql -X -q -t -A -v ON_ERROR_STOP=1 -c \
    "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '$schema' AND table_name = 'flyway_schema_history'")
  if [[ "$present" != 0 ]]; then
    echo "the target database already holds the desk's tables in schema $schema: restore into a fresh database" >&2
    exit 1
  fi
done
# the search configurations are built on unaccent, which lives in public: a one-schema backup does not carry it
psql -X -q -v ON_ERROR_STOP=1 -c "CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public" >/dev/null
pg_restore --no-owner --no-privileges --exit-on-error --single-transaction \
  --dbname="${PGDATABASE:?set ATENDE_DB_URL (or PGDATABASE) to the database to restore into}" "$file"
echo "restored $file into database ${PGDATABASE:-} on ${PGHOST:-localhost}:${PGPORT:-5432}"
