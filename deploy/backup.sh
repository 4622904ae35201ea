#!/usr/bin/env bash
# Backs up the desk's PostgreSQL database: everything the desk keeps is in it — tickets, messages, clocks,
# the audit log, and the attachments' bytes (table attachment_content) and mails' sources
# (inbound_mail_source) — so one pg_dump is the whole backup. Safe while the desk runs: pg_dump reads one
# consistent snapshot.
#
#   deploy/backup.sh [directory]      (default directory: ./backups)
#
# Writes <directory>/atende-<UTC time>.dump (pg_dump's custom format, compressed, for pg_restore) and
# <file>.sha256 beside it, and prints the dump's path. Settings: see deploy/pg-env.sh (ATENDE_DB_URL,
# ATENDE_DB_USERNAME, ATENDE_DB_PASSWORD, ATENDE_DB_SCHEMA, or libpq's PG* variables). Needs pg_dump of the
# server's major version or newer (Debian: apt-get install postgresql-client).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=deploy/pg-env.sh
. "$here/pg-env.sh"
pg_env_from_jdbc_url

directory=${1:-backups}
command -v pg_dump >/dev/null || { echo "pg_dump is missing: apt-get install postgresql-client" >&2; exit 1; }
mkdir -p "$directory"
file="$directory/atende-$(date -u +%Y%m%dT%H%M%SZ).dump"
arguments=(--format=custom --compress=6 --no-owner --no-privileges --file="$file.partial")
[[ -n "${SCHEMA:-}" ]] && arguments+=(--schema="$SCHEMA")
pg_dump "${arguments[@]}"
mv "$file.partial" "$file"
(cd "$(dirname "$file")" && sha256sum "$(basename "$file")" > "$(basename "$file").sha256")
echo "$file"
