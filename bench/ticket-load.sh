#!/usr/bin/env bash
# Ticket creation through the API (one organisation, then 50 taken in turn; and, after replies, through the customer
# portal's form) on PostgreSQL at 1, 8 and 32
# concurrent clients, beside pgbench
# inserting an equally sized row into the same server with as many clients. Prints one line per run
# and the API/pgbench throughput ratio. Usage: bash bench/ticket-load.sh [seconds-per-run]
# Before the measured runs, 8 clients open tickets for BENCH_WARMUP seconds (60 by default), unmeasured: the JIT
# compiler is still busy for about a minute after start (measured: 14.2 ms of desk CPU a ticket after 30 s of
# warm-up, 8.6 ms after 90 s), and the figures are meant for a desk that has been up for a while.
# (BENCH_DB and BENCH_PORT choose another scratch database and port than atende_bench and 18080, BENCH_JAR
# another build than target/atende.jar; the load clients share bench/LoadSummary.java, which the source launcher of JDK 22+ finds)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/desk.sh

SECONDS_PER_RUN=${1:-20}
DB=${BENCH_DB:-atende_bench}
PORT=${BENCH_PORT:-18080}
start_desk "$DB" "$PORT" --atende.bench.count-statements=true

# The desk counts the SQL statements it sends and the transactions it ends (atende.bench.count-statements,
# org.atende.operations.internal.StatementCounting); read before and after each run, divided by the tickets
# answered in it: on the request's thread, and in the background (after-commit listeners, the outbox, pollers).
counters() {
  curl -fs -H "Authorization: Bearer bench-metrics" "http://127.0.0.1:$PORT/actuator/prometheus" \
    | awk '/^atende_jdbc_statements_total.*work="request"/ { s = $2 } /^atende_jdbc_transactions_total.*work="request"/ { t = $2 }
           /^atende_jdbc_statements_total.*work="background"/ { bs = $2 } /^atende_jdbc_transactions_total.*work="background"/ { bt = $2 }
           END { printf "%d %d %d %d", s, t, bs, bt }'
}

# CPU time (clock ticks) so far of the desk's process and of PostgreSQL's processes (its backends serve only the desk
# while the load runs; a backend that ends within a run takes its ticks with it)
cpu() {
  local pg=0 pid
  for pid in $(pgrep -u postgres postgres); do
    pg=$((pg + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$(awk '{ print $14 + $15 }' "/proc/$APP/stat") $pg"
}
HZ=$(getconf CLK_TCK)

# one run: clients, kind (tickets or replies), other requests made; prints the load client's line and the counts and
# CPU per request (the statement counter's proxy is on, and adds a little to the desk's)
run() {
  read -r s0 t0 b0 u0 <<< "$(counters)"
  read -r d0 p0 <<< "$(cpu)"
  if [[ $2 == portal ]]; then
    line=$(java bench/PortalLoad.java "http://127.0.0.1:$PORT" "$PORTAL_USER" "$PORTAL_PASSWORD" "$1" "$SECONDS_PER_RUN")
  else
    line=$(java bench/TicketLoad.java "http://127.0.0.1:$PORT" "${RUN_TOKENS:-$TOKEN}" "$1" "$SECONDS_PER_RUN" "$2")
  fi
  sleep 1 # after-commit listeners finish
  read -r s1 t1 b1 u1 <<< "$(counters)"
  read -r d1 p1 <<< "$(cpu)"
  n=$(sed -n 's/.* \(tickets\|replies\|requests\)=\([0-9]*\).*/\2/p' <<< "$line")
  n=$((n + $3)) # requests the load client made besides: warm-up tickets, the tickets the replies go to, the sign-ins
  per=$(awk -v s=$((s1 - s0)) -v t=$((t1 - t0)) -v bs=$((b1 - b0)) -v bt=$((u1 - u0)) -v n="$n" \
    -v d=$((d1 - d0)) -v p=$((p1 - p0)) -v hz="$HZ" \
    'BEGIN { printf "request: statements=%.1f transactions=%.2f  background: statements=%.1f transactions=%.2f  cpu: desk=%.2fms postgres=%.2fms (per request)", s / n, t / n, bs / n, bt / n, d * 1000 / hz / n, p * 1000 / hz / n }')
  echo "$line $per"
}

java bench/TicketLoad.java "http://127.0.0.1:$PORT" "$TOKEN" 8 "${BENCH_WARMUP:-60}" tickets > /dev/null
# The planner's statistics of the tables the warm-up filled, as autovacuum would have gathered them by now on a server where
# it runs: where it is off (this kind of machine's PostgreSQL has autovacuum = off), the tables would stay never analysed,
# and the desk's background reads (routing's batches) would be planned for empty tables
$PG -d $DB -c "ANALYZE"
echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg); autovacuum: $($PG -d $DB -At -c 'SHOW autovacuum')"
echo "# API: POST /api/v1/tickets (a customer token), $SECONDS_PER_RUN s per run, after 200 warm-up requests"
declare -A API
for c in 1 8 32; do
  line=$(run "$c" tickets 200)
  echo "api     $line"
  API[$c]=$(sed -n 's/.*throughput=\([0-9.]*\).*/\1/p' <<< "$line")
done
echo "# API: the same, the requests taking in turn the tokens of customers of 50 organisations, $SECONDS_PER_RUN s per run"
declare -A API50
for c in 1 8 32; do
  line=$(RUN_TOKENS=$SPREAD run "$c" tickets 200)
  echo "api-50  $line"
  API50[$c]=$(sed -n 's/.*throughput=\([0-9.]*\).*/\1/p' <<< "$line")
done
echo "# API: POST /api/v1/tickets/{id}/messages (the customer writes on a ticket of each client's own), $SECONDS_PER_RUN s per run"
for c in 1 8 32; do
  echo "replies $(run "$c" replies "$c")"
done
echo "# Portal: POST /portal/tickets (the same customer, signed in, sends the new-request form; each client signs in first), $SECONDS_PER_RUN s per run"
PORTAL_USER=joana@padaria-lusitana.pt PORTAL_PASSWORD=atende-demo-2026
for c in 1 8; do # 32 sign-ins at once from one address meet the sign-in throttle (429)
  echo "portal  $(run "$c" portal $((3 * c)))" # 3 requests a client to sign in and read the form
done
echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg)"
kill $APP; wait $APP 2>/dev/null || true

# the same columns as a ticket row plus its first message's body, one row a transaction
$PG -d $DB <<'SQL'
CREATE TABLE bench_ticket (
  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, number BIGINT NOT NULL, organisation_id BIGINT NOT NULL,
  channel VARCHAR(10) NOT NULL, subject VARCHAR(300) NOT NULL, type VARCHAR(20) NOT NULL, priority VARCHAR(10) NOT NULL,
  status VARCHAR(24) NOT NULL, received_at TIMESTAMPTZ NOT NULL, updated_at TIMESTAMPTZ NOT NULL, body VARCHAR(100000) NOT NULL);
SQL
SCRIPT=$(mktemp)
cat > "$SCRIPT" <<'SQL'
\set n random(1, 2000000000)
INSERT INTO bench_ticket (number, organisation_id, channel, subject, type, priority, status, received_at, updated_at, body)
VALUES (:n, 1, 'APP', 'Não consigo exportar o relatório', 'QUESTION', 'HIGH', 'NEW', now(), now(), repeat('O relatório mensal falha ao exportar para PDF. ', 8));
SQL
echo "# pgbench: one INSERT of an equally sized row per transaction"
for c in 1 8 32; do
  tps=$(pgbench -h 127.0.0.1 -U postgres -n -c "$c" -j 2 -T "$SECONDS_PER_RUN" -f "$SCRIPT" $DB 2>/dev/null \
        | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
  ratio=$(awk -v a="${API[$c]}" -v b="${API50[$c]}" -v p="$tps" 'BEGIN { printf "%.3f, over 50 organisations %.3f", a / p, b / p }')
  echo "pgbench clients=$c throughput=${tps}/s   api/pgbench=$ratio"
done
rm -f "$SCRIPT"
$PG -d postgres -c "DROP DATABASE IF EXISTS $DB"
