#!/usr/bin/env bash
# Ticket creation through the API at 8 clients, one organisation's token and then 50 organisations' tokens in turn,
# alternated twice, 20 s a run, on PostgreSQL: for comparing the two (what grows with the number of organisations
# shows as the gap). Prints one line per run with the desk's CPU a ticket. BENCH_JFR=1 records a JFR profile of each
# run under target/ (read with: jfr view hot-methods target/spread-fifty2.jfr). BENCH_JAR, BENCH_DB and BENCH_PORT as in
# bench/ticket-load.sh. Usage: bash bench/spread-load.sh [seconds-per-run]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/desk.sh

SECONDS_PER_RUN=${1:-20}
DB=${BENCH_DB:-atende_spread_bench}
PORT=${BENCH_PORT:-18090}
start_desk "$DB" "$PORT"
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
