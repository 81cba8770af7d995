#!/usr/bin/env bash
# Campaign opening benchmark (issue 4): 20,000 pupils submit 50,000 candidacies to 5,000 offers at a fixed rate,
# while one agent per relay triages its queue by REST and hosts and families accept and confirm some; a Kafka
# consumer measures the delay from submission to the event on tremplin.applications.v1. Then the seat ledger is
# checked against the candidacies and every transition's event against what reached the topic.
# The real service jar runs against local PostgreSQL (database applications_bench, recreated) and the local Kafka
# broker (bin/infra up); the load generator is a separate process (bench/applications/*.java, main class
# CampaignLoad, compiled with javac and run with `java`).
# Offers, schools and pupils are seeded as events on per-run topics (the service is pointed at them), so that other
# runs' or other services' events on the shared broker do not mix in.
# Usage: bench/applications/run.sh [--rate N] [--candidacies N] [--pupils N] [--offers N]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
RATE=350
CANDIDACIES=50000
PUPILS=20000
OFFERS=5000
SCHOOLS=400
while [ $# -gt 0 ]; do
  case "$1" in
    --rate) RATE=$2; shift 2 ;;
    --candidacies) CANDIDACIES=$2; shift 2 ;;
    --pupils) PUPILS=$2; shift 2 ;;
    --offers) OFFERS=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
PORT=18083
DB=applications_bench
RUN=$(date -u +%Y%m%dT%H%M%S)
WORK="$ROOT/bench/results/applications-work"
mkdir -p "$WORK"
. "$ROOT/bin/lib/java.sh"
. "$ROOT/bench/lib/service.sh"
JAVA_HOME=$(find_jdk)
BOOTSTRAP=${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}
OFFERS_TOPIC=bench.$RUN.offers
SCHOOLS_TOPIC=bench.$RUN.schools
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)

echo "== infrastructure"
bin/infra up >/dev/null
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB OWNER applications"

# the load generator signs the tokens the service verifies
throwaway_keys "$WORK"

echo "== building the service jar and the load generator"
./mvnw -q -pl applications-service -am package -DskipTests
copy_app applications-service "$WORK"
./mvnw -q -f bench/applications/pom.xml dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null
# compiled here rather than launched from source, so that the generator can be several files: the source launcher
# takes several only from Java 22, and find_jdk may pick a 21; emptied first so that no class of a removed file lingers
rm -rf "$WORK/load"
"$JAVA_HOME/bin/javac" -cp "$(cat "$WORK/classpath.txt")" -d "$WORK/load" \
  bench/lib/LeanHttp.java bench/lib/BenchKafka.java bench/applications/*.java
CP="$(cat "$WORK/classpath.txt"):$WORK/load"
# the generator's Kafka clients (topics, seeding, the observer) connect as the broker's admin (docs/KAFKA.md), its
# password passed by environment only
BENCH_KAFKA_PASSWORD=$(kafka_password admin)
export BENCH_KAFKA_PASSWORD
"$JAVA_HOME/bin/java" -Xmx1g -cp "$CP" CampaignLoad topics "$BOOTSTRAP" "$OFFERS_TOPIC" "$SCHOOLS_TOPIC"

# the service reads per-run topics (bench.<run>.offers/.schools), which the ACL table does not grant
# applications-service: it connects as the broker's admin; its relay-accounts Admin keeps its own principal
RELAY_ACCOUNTS_KAFKA_PASSWORD=$(kafka_password relay-accounts)

echo "== starting applications-service on :$PORT (prod profile, JSON access log to $WORK/service.log)"
QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB \
QUARKUS_DATASOURCE_USERNAME=applications QUARKUS_DATASOURCE_PASSWORD=applications \
KAFKA_BOOTSTRAP_SERVERS=$BOOTSTRAP MP_JWT_VERIFY_PUBLICKEY_LOCATION="$WORK/jwt-public.pem" \
KAFKA_USERNAME=admin KAFKA_PASSWORD="$BENCH_KAFKA_PASSWORD" KAFKA_RELAY_ACCOUNTS_PASSWORD="$RELAY_ACCOUNTS_KAFKA_PASSWORD" \
MP_MESSAGING_INCOMING_OFFERS_TOPIC=$OFFERS_TOPIC MP_MESSAGING_INCOMING_SCHOOLS_TOPIC=$SCHOOLS_TOPIC \
QUARKUS_LOG_CATEGORY__ORG_APACHE_KAFKA__LEVEL=ERROR \
  "$JAVA_HOME/bin/java" -Xms768m -Xmx768m ${SERVICE_JAVA_OPTS:-} -jar "$WORK/app/quarkus-run.jar" > "$WORK/service.log" 2>&1 &
SERVICE=$!
trap 'stop_service $SERVICE' EXIT
await_ready $PORT "$WORK/service.log"

echo "== campaign: $PUPILS pupils, $CANDIDACIES candidacies, $OFFERS offers, target $RATE submissions/s"
OUT=$("$JAVA_HOME/bin/java" -Xms1g -Xmx1g -DservicePid=$SERVICE -cp "$CP" CampaignLoad run base=http://127.0.0.1:$PORT bootstrap="$BOOTSTRAP" offersTopic="$OFFERS_TOPIC" \
  schoolsTopic="$SCHOOLS_TOPIC" db=jdbc:postgresql://127.0.0.1:5432/$DB key="$WORK/jwt-private.pem" \
  offers=$OFFERS schools=$SCHOOLS pupils=$PUPILS candidacies=$CANDIDACIES rate=$RATE | tee /dev/stderr)
RSS=$(awk '/VmHWM/ {print int($2/1024)}' /proc/$SERVICE/status)
ERRORS=$(grep -c '"level":"ERROR"' "$WORK/service.log" || true)

SUMMARY="campaign opening benchmark $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores (service, PostgreSQL, Kafka and load generator on the same machine)
$OUT
service peak RSS: ${RSS} MiB; ERROR lines in the service log: $ERRORS"
mkdir -p bench/results
echo "$SUMMARY" > "bench/results/applications-$RUN.txt"
echo "== kept in bench/results/applications-$RUN.txt"
