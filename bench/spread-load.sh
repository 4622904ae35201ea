#!/usr/bin/env bash
# Ticket creation through the API at 8 clients, one organisation's token and then 50 organisations' tokens in turn,
# alternated twice, 20 s a run, on PostgreSQL: for comparing the two (what grows with the number of organisations
# shows as the gap). Prints one line per run with the desk's CPU a ticket. BENCH_JFR=1 records a JFR profile of each
# run under target/ (read with: jfr view hot-methods target/spread-fifty2.jfr). BENCH_JAR, BENCH_DB and BENCH_PORT as in
# bench/ticket-load.sh. Usage: bash bench/spread-load.sh [seconds-per-run]
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_RUN=${1:-20}
DB=${BENCH_DB:-atende_spread_bench}
PORT=${BENCH_PORT:-18090}
PG="psql -q -h 127.0.0.1 -U postgres"
if [[ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
  export PATH="$JAVA_HOME/bin:$PATH"
fi
JAR=${BENCH_JAR:-target/atende.jar}
[[ -f $JAR ]] || mvn -q -B -DskipTests package
$PG -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"

TOKENS=$(mktemp)
LOG=$(mktemp)
ATENDE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" ATENDE_DB_USERNAME=postgres ATENDE_DB_PASSWORD= \
  ATENDE_PORT=$PORT ATENDE_DEMO=true ATENDE_DEMO_TOKENSFILE="$TOKENS" ATENDE_SLA_SWEEPENABLED=false \
  java -Xmx1g -jar "$JAR" > "$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; rm -f "$TOKENS"' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" > /dev/null && [[ -s "$TOKENS" ]] && break
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/actuator/health" > /dev/null || { echo "the desk did not start; log: $LOG" >&2; exit 1; }
TOKEN=$(sed -n 's/^CUSTOMER_TOKEN=//p' "$TOKENS")
SPREAD=$(java bench/Organisations.java "http://127.0.0.1:$PORT" "$(sed -n 's/^ADMIN_TOKEN=//p' "$TOKENS")" 50 Empresarial)
java bench/TicketLoad.java "http://127.0.0.1:$PORT" "$TOKEN" 8 "${BENCH_WARMUP:-60}" tickets > /dev/null
$PG -d $DB -c "ANALYZE" # as in bench/ticket-load.sh: where autovacuum is off, the tables would stay never analysed

cpu() { awk '{ print $14 + $15 }' "/proc/$APP/stat"; }
HZ=$(getconf CLK_TCK)
echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg); $SECONDS_PER_RUN s a run at 8 clients after the warm-up"
for round in 1 2; do
  for kind in one fifty; do
    tokens=$TOKEN
    [[ $kind == fifty ]] && tokens=$SPREAD
    [[ -n ${BENCH_JFR:-} ]] && jcmd $APP JFR.start name=$kind$round settings=profile > /dev/null
    c0=$(cpu)
    line=$(java bench/TicketLoad.java "http://127.0.0.1:$PORT" "$tokens" 8 "$SECONDS_PER_RUN" tickets)
    c1=$(cpu)
    [[ -n ${BENCH_JFR:-} ]] && jcmd $APP JFR.stop name=$kind$round filename="$PWD/target/spread-$kind$round.jfr" > /dev/null
    n=$(sed -n 's/.* tickets=\([0-9]*\).*/\1/p' <<< "$line")
    echo "$kind$round $line desk cpu=$(awk -v c=$((c1 - c0)) -v n="$n" -v hz="$HZ" 'BEGIN { printf "%.2fms", c * 1000 / hz / n }') a ticket"
  done
done
kill $APP; wait $APP 2>/dev/null || true
$PG -d postgres -c "DROP DATABASE IF EXISTS $DB"
