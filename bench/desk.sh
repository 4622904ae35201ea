# Sourced by the load scripts: the JDK, a scratch database and the demo desk started on it.
# start_desk DB PORT [desk arguments...]: drops and creates the database, starts $JAR (target/atende.jar unless BENCH_JAR,
# packaged if missing) on it with the demo desk and the SLA sweep off, waits until it is healthy, and sets APP (its
# process), TOKENS (the demo's tokens file), LOG (its output), TOKEN (the demo customer's token) and SPREAD (the tokens
# of customers of 50 more organisations on the demo customer's plan, comma-separated).
if [[ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
  export PATH="$JAVA_HOME/bin:$PATH"
fi
PG="psql -q -h 127.0.0.1 -U postgres"
JAR=${BENCH_JAR:-target/atende.jar}

start_desk() {
  local db=$1 port=$2
  shift 2
  [[ -f $JAR ]] || mvn -q -B -DskipTests package
  $PG -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  TOKENS=$(mktemp)
  LOG=$(mktemp)
  ATENDE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" ATENDE_DB_USERNAME=postgres ATENDE_DB_PASSWORD= \
    ATENDE_PORT=$port ATENDE_DEMO=true ATENDE_DEMO_TOKENSFILE="$TOKENS" ATENDE_SLA_SWEEPENABLED=false \
    ATENDE_METRICS_TOKEN=bench-metrics java -Xmx1g -jar "$JAR" "$@" > "$LOG" 2>&1 &
  APP=$!
  trap 'kill $APP 2>/dev/null || true; rm -f "$TOKENS"' EXIT
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/actuator/health" > /dev/null && [[ -s "$TOKENS" ]] && break
    sleep 1
  done
  curl -fs "http://127.0.0.1:$port/actuator/health" > /dev/null || { echo "the desk did not start; log: $LOG" >&2; exit 1; }
  TOKEN=$(sed -n 's/^CUSTOMER_TOKEN=//p' "$TOKENS")
  # 50 more organisations on the same plan as the demo customer's (Empresarial: no allowance), a customer token each
  SPREAD=$(java bench/Organisations.java "http://127.0.0.1:$port" "$(sed -n 's/^ADMIN_TOKEN=//p' "$TOKENS")" 50 Empresarial)
}
