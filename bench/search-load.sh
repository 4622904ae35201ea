#!/usr/bin/env bash
# Search and queue pages over N tickets with 3N messages on PostgreSQL. Seeds a scratch database with SQL
# (generate_series, not the API), builds the search index as the migration does, starts the desk on it and
# measures, through GET /api/v1/tickets with an admin token, the latency of a two-word search with a status
# filter and of a queue page of 50 (first pages, and pages read by cursor).
# Usage: bash bench/search-load.sh [tickets] [requests-per-run]   (default 1000000 tickets, 300 requests)
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-1000000}
REQUESTS=${2:-300}
DB=atende_search_bench
PORT=18081
PG="psql -q -h 127.0.0.1 -U postgres"
if [[ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
  export PATH="$JAVA_HOME/bin:$PATH"
fi

[[ -f target/atende.jar ]] || ./atende mvn -q -B -DskipTests package
$PG -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"

TOKENS=$(mktemp)
LOG=$(mktemp)
start_desk() {
  ATENDE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" ATENDE_DB_USERNAME=postgres ATENDE_DB_PASSWORD= \
    ATENDE_PORT=$PORT ATENDE_DEMO=true ATENDE_DEMO_TOKENSFILE="$TOKENS" ATENDE_SLA_SWEEPENABLED=false \
    java -Xmx1g -jar target/atende.jar > "$LOG" 2>&1 &
  APP=$!
  for _ in $(seq 1 180); do
    curl -fs "http://127.0.0.1:$PORT/actuator/health" > /dev/null && [[ -s "$TOKENS" ]] && break
    sleep 1
  done
  curl -fs "http://127.0.0.1:$PORT/actuator/health" > /dev/null || { echo "the desk did not start; log: $LOG" >&2; exit 1; }
}
APP=
trap '[[ -n "$APP" ]] && kill $APP 2>/dev/null || true; rm -f "$TOKENS"' EXIT

# 1. the schema and the demo desk (organisations, people, tokens)
start_desk
kill $APP; wait $APP 2>/dev/null || true; APP=

# 2. N tickets, 3N messages. Words come from a vocabulary of 2,000 made-up words, the frequent ones far more
#    often (random()^3); "exporta" and "fatura" each sit in about 5% of tickets' first messages, so the
#    two-word search matches about 0.25% of tickets before its status filter.
echo "# seeding $N tickets and $((3 * N)) messages"
T0=$(date +%s)
$PG -d $DB <<SQL
SET synchronous_commit = off;
CREATE TEMP TABLE vocab AS
  SELECT g AS i, (ARRAY['ca','de','li','mo','pu','ra','se','ti','vo','zu','ba','fe','gi','lo','nu'])[1 + g % 15]
      || (ARRAY['r','s','l','n','m','t','x','d','v','p'])[1 + (g / 15) % 10]
      || (ARRAY['ado','eta','ino','ura','ela','ismo','ante','oso','ida','aria','ento','eiro','al'])[1 + (g / 150) % 14] AS w
  FROM generate_series(0, 1999) g;
CREATE TEMP TABLE words AS SELECT array_agg(w ORDER BY i) AS a FROM vocab;
CREATE TEMP TABLE orgs AS SELECT array_agg(id ORDER BY id) AS a FROM organisation;
ALTER TABLE ticket DISABLE TRIGGER ALL;
ALTER TABLE message DISABLE TRIGGER ALL;
INSERT INTO ticket (number, organisation_id, channel, subject, type, priority, status, received_at, updated_at, next_due_at)
SELECT 1000000 + g, o.a[1 + g % cardinality(o.a)],
       (ARRAY['EMAIL','PORTAL','API','WHATSAPP'])[1 + g % 4],
       (SELECT string_agg(ws.a[1 + floor(2000 * random() ^ 3)::int], ' ') FROM generate_series(1, 4 + g * 0) k, words ws),
       'QUESTION', (ARRAY['LOW','MEDIUM','MEDIUM','HIGH','URGENT'])[1 + g % 5], s.status,
       now() - (g % 700) * interval '1 day' - (g % 86400) * interval '1 second', now() - (g % 600) * interval '1 hour',
       CASE WHEN s.status IN ('NEW', 'OPEN', 'ON_HOLD') THEN now() + ((g % 500) - 100) * interval '1 hour' END
FROM generate_series(1, $N) g CROSS JOIN orgs o
CROSS JOIN LATERAL (SELECT CASE WHEN g % 10 < 6 THEN 'CLOSED' WHEN g % 10 < 7 THEN 'RESOLVED' WHEN g % 10 < 8 THEN 'OPEN'
    WHEN g % 10 < 9 THEN 'NEW' ELSE 'WAITING_ON_CUSTOMER' END AS status) s;
INSERT INTO message (ticket_id, kind, channel, body, created_at)
SELECT t.id, CASE k WHEN 1 THEN 'CUSTOMER' WHEN 2 THEN 'AGENT' ELSE 'NOTE' END, 'PORTAL',
       (SELECT string_agg(ws.a[1 + floor(2000 * random() ^ 3)::int], ' ') FROM generate_series(1, 25 + t.id * 0 + k * 0) x, words ws)
         || CASE WHEN k = 1 AND random() < 0.05 THEN ' o ficheiro exporta vazio' ELSE '' END
         || CASE WHEN k = 1 AND random() < 0.05 THEN ' a fatura de março' ELSE '' END,
       t.received_at + k * interval '1 hour'
FROM ticket t CROSS JOIN generate_series(1, 3) k WHERE t.number > 1000000;
ALTER TABLE ticket ENABLE TRIGGER ALL;
ALTER TABLE message ENABLE TRIGGER ALL;
SELECT setval('ticket_number_seq', 1000000 + $N + 1);
SQL
echo "# seeded in $(( $(date +%s) - T0 )) s; building the search index"
T0=$(date +%s)
# the migration's own statement (V105), over every ticket
sed -n '/^INSERT INTO ticket_search/,/^) d;/p' src/main/resources/db/migration/postgresql/V105__ticket_search.sql > /tmp/search-backfill.$$.sql
$PG -d $DB -c "TRUNCATE ticket_search" -c "DROP INDEX ticket_search_public" -c "DROP INDEX ticket_search_agent"
$PG -d $DB -c "SET maintenance_work_mem = '256MB'" -f /tmp/search-backfill.$$.sql \
  -c "CREATE INDEX ticket_search_public ON ticket_search USING GIN (public_doc)" \
  -c "CREATE INDEX ticket_search_agent ON ticket_search USING GIN (agent_doc)" -c "VACUUM ANALYZE"
rm -f /tmp/search-backfill.$$.sql
echo "# index built in $(( $(date +%s) - T0 )) s; $($PG -d $DB -tAc "SELECT pg_size_pretty(pg_total_relation_size('ticket_search'))") of search table and indexes"

# 3. the desk on the seeded data
start_desk
TOKEN=$(sed -n 's/^ADMIN_TOKEN=//p' "$TOKENS")
URL="http://127.0.0.1:$PORT"
echo "# GET /api/v1/tickets, one client, $REQUESTS requests each after 200 warm-up; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
java bench/SearchLoad.java "$URL" "$TOKEN" search "/api/v1/tickets?q=exportar+faturas&status=OPEN&size=50" "$REQUESTS"
java bench/SearchLoad.java "$URL" "$TOKEN" search-any "/api/v1/tickets?q=exportar+faturas&size=50" "$REQUESTS"
java bench/SearchLoad.java "$URL" "$TOKEN" queue "/api/v1/tickets?status=NEW&status=OPEN&status=WAITING_ON_CUSTOMER&status=ON_HOLD&size=50" "$REQUESTS"
java bench/SearchLoad.java "$URL" "$TOKEN" queue-cursor "/api/v1/tickets?status=NEW&status=OPEN&status=WAITING_ON_CUSTOMER&status=ON_HOLD&size=50" "$REQUESTS" follow
java bench/SearchLoad.java "$URL" "$TOKEN" queue-recent "/api/v1/tickets?status=CLOSED&sort=-created&size=50" "$REQUESTS" follow
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
kill $APP; wait $APP 2>/dev/null || true; APP=
[[ -n "${KEEP:-}" ]] || $PG -d postgres -c "DROP DATABASE IF EXISTS $DB"
