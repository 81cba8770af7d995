#!/usr/bin/env bash
# Offers search benchmark (issue 2): 100,000 published offers over the collèges of colleges-geo.csv, searched
# 10 km around random collèges for one sector and one week, by a separate load generator; the same SQL is run
# straight against PostgreSQL with pgbench in the same run, for the ratio. Prints its figures and keeps them in
# bench/results/. Usage: bench/offers/run.sh [--offers N] [--seconds S] [--rate RPS] [--warmup S]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
OFFERS=100000
SECONDS_AT_RATE=60
RATE=500
WARMUP=60
MAX_CONNECTIONS=16
while [ $# -gt 0 ]; do
  case "$1" in
    --offers) OFFERS=$2; shift 2 ;;
    --seconds) SECONDS_AT_RATE=$2; shift 2 ;;
    --rate) RATE=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
DATA_DIR=${TREMPLIN_DATA_DIR:-$ROOT/data}
PORT=18081
DB=offers_bench
WORK="$ROOT/bench/results/offers-work"
mkdir -p "$WORK"
. "$ROOT/bin/lib/java.sh"
. "$ROOT/bench/lib/service.sh"
JAVA_HOME=$(find_jdk)
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)

echo "== infrastructure"
bin/infra up >/dev/null  # with Kafka, as in production: without a broker the service keeps reconnecting
"${PSQL[@]}" -d postgres -tc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1 \
  || "${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB OWNER offers"
"${PSQL[@]}" -d $DB -c "CREATE EXTENSION IF NOT EXISTS postgis; CREATE EXTENSION IF NOT EXISTS unaccent; ALTER SCHEMA public OWNER TO offers"

# the search is anonymous, but the service verifies any token it is sent
throwaway_keys "$WORK"

[ -f offers-service/target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -pl offers-service -am package -DskipTests
copy_app offers-service "$WORK"
"$JAVA_HOME/bin/javac" -d "$WORK/load" bench/lib/LeanHttp.java bench/lib/Percentiles.java bench/offers/SearchLoad.java

# the service's topics are the ACL table's own (nothing renamed): it connects as its own principal (docs/KAFKA.md)
SERVICE_KAFKA_PASSWORD=$(kafka_password offers-service)

echo "== starting offers-service on :$PORT (prod profile, JSON access log to $WORK/service.log)"
QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB \
QUARKUS_DATASOURCE_USERNAME=offers QUARKUS_DATASOURCE_PASSWORD=offers TREMPLIN_DATA_DIR="$DATA_DIR" \
KAFKA_BOOTSTRAP_SERVERS=${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092} KAFKA_PASSWORD="$SERVICE_KAFKA_PASSWORD" \
QUARKUS_LOG_CATEGORY__ORG_APACHE_KAFKA__LEVEL=ERROR MP_JWT_VERIFY_PUBLICKEY_LOCATION="$WORK/jwt-public.pem" \
  "$JAVA_HOME/bin/java" -Xms256m -Xmx256m ${SERVICE_JAVA_OPTS:-} -jar "$WORK/app/quarkus-run.jar" > "$WORK/service.log" 2>&1 &
SERVICE=$!
trap 'stop_service $SERVICE' EXIT
await_ready $PORT "$WORK/service.log"

echo "== seeding $OFFERS offers over the collèges of colleges-geo.csv"
# well-formed UAIs with coordinates only (the file has a few malformed codes on purpose)
awk -F, 'NR > 1 && $1 ~ /^[0-9]{7}[A-Z]$/ && $6 != "" && $7 != "" { print $1 "," $6 "," $7 }' "$DATA_DIR/colleges-geo.csv" > "$WORK/colleges.csv"
cut -d, -f2,3 "$WORK/colleges.csv" > "$WORK/points.csv"
NPOINTS=$(wc -l < "$WORK/colleges.csv")
"${PSQL[@]}" -d $DB -c "DROP TABLE IF EXISTS bench_college; CREATE TABLE bench_college (id serial PRIMARY KEY, uai text, latitude float8, longitude float8); ALTER TABLE bench_college OWNER TO offers"
"${PSQL[@]}" -d $DB -c "\\copy bench_college (uai, latitude, longitude) FROM '$WORK/colleges.csv' WITH (FORMAT csv)"
"${PSQL[@]}" -d $DB -v offers="$OFFERS" -f bench/offers/seed.sql
SECTOR=$("${PSQL[@]}" -d $DB -Atc "SELECT sector_id FROM offer GROUP BY sector_id ORDER BY count(*) DESC, sector_id LIMIT 1")
WEEK=2028-W05
echo "   $("${PSQL[@]}" -d $DB -Atc "SELECT count(*) FROM offer WHERE status = 'PUBLISHED'") published offers, $NPOINTS collèges, sector $SECTOR, week $WEEK"

LOAD=("$JAVA_HOME/bin/java" -Xms256m -Xmx256m -XX:+UseSerialGC -cp "$WORK/load" SearchLoad "http://127.0.0.1:$PORT" "$WORK/points.csv" "$SECTOR" "$WEEK")
# a service in production has long been warm: compile the hot paths (saturated), then settle at the rate
echo "== warm-up: 20 s saturated, then ${WARMUP} s at $RATE/s (unrecorded)"
"${LOAD[@]}" max 8 20 > /dev/null
echo "== fixed rate: $RATE requests/s for ${SECONDS_AT_RATE} s"
CPU0=("$(ticks $SERVICE)" "$(postgres_ticks)" "$(date +%s%N)")
AT_RATE=$(SEARCH_LOAD_TIMELINE="$WORK/timeline.csv" "${LOAD[@]}" rate "$RATE" "$SECONDS_AT_RATE" "$WARMUP")
CPU1=("$(ticks $SERVICE)" "$(postgres_ticks)" "$(date +%s%N)")
CPU=$(awk -v s0="${CPU0[0]}" -v s1="${CPU1[0]}" -v p0="${CPU0[1]}" -v p1="${CPU1[1]}" -v t0="${CPU0[2]}" -v t1="${CPU1[2]}" \
  'BEGIN { d = (t1 - t0) / 1e9; printf "service %d %%, PostgreSQL %d %% of one core", (s1 - s0) / d, (p1 - p0) / d }')
echo "   $AT_RATE"
echo "   CPU during the fixed rate (warm-up included): $CPU"
RSS=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$SERVICE/status)
echo "== service saturated: $MAX_CONNECTIONS connections for 30 s"
SATURATED=$("${LOAD[@]}" max "$MAX_CONNECTIONS" 30 5)
echo "   $SATURATED"
PEAK=$(awk '/VmHWM/ {print int($2/1024)}' /proc/$SERVICE/status)
echo "== the same SQL straight to PostgreSQL: pgbench, prepared like the service's, $MAX_CONNECTIONS clients for 30 s"
PGBENCH=$(pgbench -h 127.0.0.1 -U offers -n -M prepared -c "$MAX_CONNECTIONS" -j 2 -T 30 -f bench/offers/search.sql \
  -D npoints="$NPOINTS" -D sector="$SECTOR" -D week="$WEEK" $DB 2>&1)
PG_TPS=$(echo "$PGBENCH" | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -1)
PG_LAT=$(echo "$PGBENCH" | sed -n 's/^latency average = \([0-9.]*\) ms/\1/p')
SERVICE_TPS=$(echo "$SATURATED" | sed -n 's/.*throughput=\([0-9.]*\).*/\1/p')
RATIO=$(awk -v a="$SERVICE_TPS" -v b="$PG_TPS" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
echo "   pgbench: tps=$PG_TPS latency_avg=${PG_LAT}ms"

SUMMARY="offers search benchmark $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $OFFERS offers
  at ${RATE}/s:    $AT_RATE
  CPU at ${RATE}/s: $CPU
  saturated:      $SATURATED
  pgbench (same SQL, $MAX_CONNECTIONS clients): tps=$PG_TPS latency_avg=${PG_LAT}ms
  service/raw-database throughput ratio: $RATIO
  service RSS: ${RSS} MiB under the fixed rate, peak ${PEAK} MiB"
mkdir -p bench/results
echo "$SUMMARY" | tee "bench/results/offers-$(date -u +%Y%m%dT%H%M).txt"
