# Sourced by backup.sh and restore.sh: turns the desk's own database settings into libpq's.
#
# ATENDE_DB_URL      jdbc:postgresql://host[:port]/database[?user=…&password=…&currentSchema=…]
# ATENDE_DB_USERNAME the user (the URL's user= wins, as in the desk)
# ATENDE_DB_PASSWORD its password (likewise)
# ATENDE_DB_SCHEMA   one schema only (default: the URL's currentSchema, else every schema of the database)
#
# Without ATENDE_DB_URL, libpq's own PGHOST, PGPORT, PGDATABASE, PGUSER and PGPASSWORD (or ~/.pgpass) apply.

pg_env_from_jdbc_url() {
  local url=${ATENDE_DB_URL:-}
  SCHEMA=${ATENDE_DB_SCHEMA:-}
  [[ -n "${ATENDE_DB_USERNAME:-}" ]] && export PGUSER=$ATENDE_DB_USERNAME
  [[ -n "${ATENDE_DB_PASSWORD:-}" ]] && export PGPASSWORD=$ATENDE_DB_PASSWORD
  [[ -z "$url" ]] && return 0
  if [[ ! "$url" =~ ^jdbc:postgresql://([^/?]+)/([^?]+)(\?(.*))?$ ]]; then
    echo "ATENDE_DB_URL must be jdbc:postgresql://host[:port]/database[?…], not $url" >&2
    return 2
  fi
  local authority=${BASH_REMATCH[1]} query=${BASH_REMATCH[4]:-} pair key value
  export PGDATABASE=${BASH_REMATCH[2]}
  if [[ "$authority" == *:* ]]; then
    export PGHOST=${authority%%:*} PGPORT=${authority##*:}
  else
    export PGHOST=$authority PGPORT=5432
  fi
  local IFS='&'
  for pair in $query; do
    key=${pair%%=*}
    value=${pair#*=}
    case "$key" in
      user) export PGUSER=$value ;;
      password) export PGPASSWORD=$value ;;
      currentSchema) [[ -z "${ATENDE_DB_SCHEMA:-}" ]] && SCHEMA=$value ;;
      sslmode) export PGSSLMODE=$value ;;
    esac
  done
  return 0
}
