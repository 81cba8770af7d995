#!/usr/bin/env bash
# Statistics benchmark (issue 9): a national campaign's facts (100,000 offers, 400,000 candidacies, 60,000
# completions) seeded into offers-service's fact tables; then, in one run and on one machine:
#   - each groupBy asked by 20 concurrent clients (p50, p99, throughput; target p99 < 100 ms);
#   - the CSV export of every groupBy (time per export);
#   - the same aggregates straight in SQL on the fact tables (pgbench, 20 clients), for the ratio;
#   - the projection's lag behind a stream of 300 candidacies/s sent as CloudEvents to Kafka (p50, p99);
#   - the rebuild from the topics (time, events read): a national campaign's history (each offer published, each
#     candidacy submitted, a quarter confirmed, the completions) is sent first, before the live channels start at
#     the topics' end, so that only the rebuild reads it.
# The service runs from its jar against PostgreSQL (database offers_stats_bench, recreated) and the local Kafka
# (bin/infra up), its channels pointed at per-run topics so that no other event mixes in.
# Usage: bench/statistics/run.sh [--offers N] [--candidacies N] [--completions N] [--seconds S] [--clients C]
#                                [--stream-rate R] [--stream-seconds S]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
OFFERS=100000
CANDIDACIES=400000
COMPLETIONS=60000
PUPILS=150000
SECONDS_EACH=20
CLIENTS=20
STREAM_RATE=300
STREAM_SECONDS=60
while [ $# -gt 0 ]; do
  case "$1" in
    --offers) OFFERS=$2; shift 2 ;;
    --candidacies) CANDIDACIES=$2; shift 2 ;;
    --completions) COMPLETIONS=$2; shift 2 ;;
    --seconds) SECONDS_EACH=$2; shift 2 ;;
    --clients) CLIENTS=$2; shift 2 ;;
    --stream-rate) STREAM_RATE=$2; shift 2 ;;
    --stream-seconds) STREAM_SECONDS=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
PORT=18084
DB=offers_stats_bench
RUN=$(date -u +%Y%m%dT%H%M%S)
WORK="$ROOT/bench/results/statistics-work"
mkdir -p "$WORK"
. "$ROOT/bin/lib/java.sh"
. "$ROOT/bench/lib/service.sh"
JAVA_HOME=$(find_jdk)
BOOTSTRAP=${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)

echo "== infrastructure"
bin/infra up >/dev/null
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB OWNER offers"
"${PSQL[@]}" -d $DB -c "CREATE EXTENSION IF NOT EXISTS postgis; CREATE EXTENSION IF NOT EXISTS unaccent; ALTER SCHEMA public OWNER TO offers"
bin/platform keys >/dev/null
TOKEN="Bearer $(bin/platform token admin --ttl 7200)"

echo "== building the service jar and the load generators"
[ -f offers-service/target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -pl offers-service -am package -DskipTests
copy_app offers-service "$WORK"
# Maven's -q still prints its errors on stdout: kept, and shown if it fails (offline, a plugin not yet downloaded)
./mvnw -q -f bench/applications/pom.xml dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" \
  > "$WORK/classpath.log" 2>&1 || { cat "$WORK/classpath.log"; exit 1; }
rm -rf "$WORK/load"
"$JAVA_HOME/bin/javac" -cp "$(cat "$WORK/classpath.txt")" -d "$WORK/load" bench/lib/LeanHttp.java bench/lib/Percentiles.java bench/lib/BenchKafka.java bench/statistics/*.java
CP="$(cat "$WORK/classpath.txt"):$WORK/load"
# the generators' Kafka clients (history, stream) connect as the broker's admin (docs/KAFKA.md), its password passed
# by environment only
BENCH_KAFKA_PASSWORD=$(kafka_password admin)
export BENCH_KAFKA_PASSWORD
TOPIC_PREFIX=bench.$RUN

echo "== a national campaign's history sent to $TOPIC_PREFIX.offers / .applications, for the rebuild to replay"
HISTORY=$("$JAVA_HOME/bin/java" -Xms256m -Xmx512m -cp "$CP" CampaignEvents "$BOOTSTRAP" "$TOPIC_PREFIX.offers" \
  "$TOPIC_PREFIX.applications" "$OFFERS" "$CANDIDACIES" "$COMPLETIONS")
echo "   $HISTORY"

# the live channels start at the topics' end: the history is the rebuild's to replay (the facts are seeded in SQL).
# The service reads per-run topics (bench.<run>.*), which the ACL table does not grant offers-service: it connects
# as the broker's admin
echo "== starting offers-service on :$PORT (prod profile, topics $TOPIC_PREFIX.*)"
QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB \
QUARKUS_DATASOURCE_USERNAME=offers QUARKUS_DATASOURCE_PASSWORD=offers TREMPLIN_DATA_DIR="$ROOT/data" \
KAFKA_BOOTSTRAP_SERVERS=$BOOTSTRAP MP_JWT_VERIFY_PUBLICKEY_LOCATION="$ROOT/.platform/keys/jwt-public.pem" \
KAFKA_USERNAME=admin KAFKA_PASSWORD="$BENCH_KAFKA_PASSWORD" \
MP_MESSAGING_INCOMING_OFFERS_TOPIC=$TOPIC_PREFIX.offers MP_MESSAGING_INCOMING_SCHOOLS_TOPIC=$TOPIC_PREFIX.schools \
MP_MESSAGING_INCOMING_APPLICATIONS_TOPIC=$TOPIC_PREFIX.applications TREMPLIN_OUTBOX_RELAY_ENABLED=false \
MP_MESSAGING_INCOMING_OFFERS_AUTO_OFFSET_RESET=latest MP_MESSAGING_INCOMING_APPLICATIONS_AUTO_OFFSET_RESET=latest \
MP_MESSAGING_INCOMING_SCHOOLS_AUTO_OFFSET_RESET=latest \
QUARKUS_LOG_CATEGORY__ORG_APACHE_KAFKA__LEVEL=ERROR \
  MALLOC_ARENA_MAX=2 "$JAVA_HOME/bin/java" $(service_java_options "$JAVA_HOME") ${SERVICE_JAVA_OPTS:-} -jar "$WORK/app/quarkus-run.jar" > "$WORK/service.log" 2>&1 &
SERVICE=$!
trap 'stop_service $SERVICE' EXIT
await_ready $PORT "$WORK/service.log"
curl -fsS -m 300 -o /dev/null -X POST -H "Authorization: $TOKEN" -H 'Content-Type: application/json' -d '{}' \
  "http://127.0.0.1:$PORT/api/v1/admin/reference-data/import"

echo "== seeding the facts: $OFFERS offers, $CANDIDACIES candidacies ($COMPLETIONS completed) by $PUPILS pupils"
SEED_START=$(date +%s%N)
"${PSQL[@]}" -d $DB -v offers="$OFFERS" -v candidacies="$CANDIDACIES" -v completions="$COMPLETIONS" \
  -v pupils="$PUPILS" -f bench/statistics/seed.sql
echo "   seeded in $(( ($(date +%s%N) - SEED_START) / 1000000 )) ms"

BASE="/api/v1/statistics?schoolYear=2026-2027&groupBy="
echo "== each groupBy asked once, cold: the aggregate itself, before any answer is kept"
COLD=""
for g in national ministry academy department sector publicSector schoolPriority month; do
  t=$(curl -sS -o /dev/null -w '%{time_total}' -H "Authorization: $TOKEN" "http://127.0.0.1:$PORT${BASE}$g")
  COLD="$COLD $g=$(awk -v t="$t" 'BEGIN { printf "%.0fms", t * 1000 }')"
done
echo "  $COLD"
echo "== each groupBy, $CLIENTS clients, ${SECONDS_EACH} s each (5 s warm-up unrecorded)"
CPU0=("$(ticks $SERVICE)" "$(postgres_ticks)")
LOAD=$("$JAVA_HOME/bin/java" -Xms128m -Xmx256m -XX:+UseSerialGC -cp "$CP" StatisticsLoad "http://127.0.0.1:$PORT" "$TOKEN" \
  "$CLIENTS" "$SECONDS_EACH" 5 \
  "${BASE}national" "${BASE}ministry" "${BASE}academy" "${BASE}department" "${BASE}sector" "${BASE}publicSector" \
  "${BASE}schoolPriority" "${BASE}month" "${BASE}department&attribution=school" | tee /dev/stderr)
CPU1=("$(ticks $SERVICE)" "$(postgres_ticks)")
REQUESTS=$(echo "$LOAD" | sed -n 's/.*requests=\([0-9]*\).*/\1/p' | paste -sd+ | bc)
CPU_PER_REQUEST=$(awk -v s=$((CPU1[0] - CPU0[0])) -v p=$((CPU1[1] - CPU0[1])) -v n="$REQUESTS" \
  'BEGIN { printf "service %.2f ms, PostgreSQL %.2f ms of CPU per request (%d requests)", s * 10 / n, p * 10 / n, n }')

echo "== CSV export of every groupBy"
CSV=""
for g in national ministry academy department sector publicSector schoolPriority month; do
  t=$(curl -sS -o "$WORK/$g.csv" -w '%{time_total}' -H "Authorization: $TOKEN" -H 'Accept: text/csv' "http://127.0.0.1:$PORT${BASE}$g")
  CSV="$CSV $g=$(awk -v t="$t" 'BEGIN { printf "%.0fms", t * 1000 }')/$(wc -l < "$WORK/$g.csv")lines"
done
echo "  $CSV"

echo "== the same aggregates straight in SQL (groupBy=department): alone, then pgbench with $CLIENTS clients, ${SECONDS_EACH} s"
PG_ALONE=$(pgbench -h 127.0.0.1 -U offers -n -M prepared -c 1 -t 3 -f bench/statistics/by-department.sql $DB 2>&1 \
  | sed -n 's/^latency average = \([0-9.]*\) ms/\1/p')
echo "   alone: ${PG_ALONE} ms a query"
PGBENCH=$(pgbench -h 127.0.0.1 -U offers -n -M prepared -c "$CLIENTS" -j 2 -T "$SECONDS_EACH" -f bench/statistics/by-department.sql $DB 2>&1)
PG_TPS=$(echo "$PGBENCH" | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -1)
PG_LAT=$(echo "$PGBENCH" | sed -n 's/^latency average = \([0-9.]*\) ms/\1/p')
SERVICE_TPS=$(echo "$LOAD" | grep 'groupBy=department ' | sed -n 's/.*throughput=\([0-9.]*\).*/\1/p')
RATIO=$(awk -v a="$SERVICE_TPS" -v b="$PG_TPS" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
echo "   pgbench: tps=$PG_TPS latency_avg=${PG_LAT}ms; service/raw SQL throughput ratio: $RATIO"

echo "== projection lag: $STREAM_RATE candidacies/s for ${STREAM_SECONDS} s, sent as CloudEvents"
LAG=$("$JAVA_HOME/bin/java" -Xms128m -Xmx256m -cp "$CP" StreamLag "$BOOTSTRAP" "$TOPIC_PREFIX.applications" \
  "jdbc:postgresql://127.0.0.1:5432/$DB" "$STREAM_RATE" "$STREAM_SECONDS" | tee /dev/stderr)

echo "== rebuild from the topics"
REBUILD_START=$(date +%s%N)
REBUILD=$(curl -sS -m 3600 -X POST -H "Authorization: $TOKEN" "http://127.0.0.1:$PORT/api/v1/admin/statistics/rebuild")
REBUILD_MS=$(( ($(date +%s%N) - REBUILD_START) / 1000000 ))
echo "   ${REBUILD_MS} ms: $REBUILD"
RSS=$(awk '/VmHWM/ {print int($2/1024)}' /proc/$SERVICE/status)

SUMMARY="statistics benchmark $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $OFFERS offers, $CANDIDACIES candidacies, $COMPLETIONS completed
  cold (one aggregate, nothing kept yet):$COLD
$(echo "$LOAD" | sed 's/^/  /')
  CPU: $CPU_PER_REQUEST
  CSV exports:$CSV
  raw SQL (groupBy=department): alone ${PG_ALONE} ms; pgbench $CLIENTS clients: tps=$PG_TPS latency_avg=${PG_LAT}ms; service/raw throughput ratio: $RATIO
  projection lag: $LAG
  history sent: $HISTORY
  rebuild: ${REBUILD_MS} ms: $REBUILD
  service peak RSS: ${RSS} MiB"
mkdir -p bench/results
echo "$SUMMARY" | tee "bench/results/statistics-$(date -u +%Y%m%dT%H%M).txt"
