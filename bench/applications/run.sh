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
# With --relays N (issue 12), N relays share all 20 départements (20: one each); each gets its Kafka credentials
# through the API and a consumer of its own feed tremplin.relay.<id>.v1 logged in as its own principal; with
# --webhooks, each also registers a signed webhook to a receiver the generator runs on a loopback port. The report then
# gives the delay from submission to each relay channel (targets: feed p99 < 1 s, webhook p99 < 2 s) and a pgbench
# gauge of the machine's speed (select-only, scale 10, 2 clients, 10 s) taken before the service starts.
# Usage: bench/applications/run.sh [--rate N] [--candidacies N] [--pupils N] [--offers N] [--warmup N]
#                                  [--relays N [--webhooks]] [--gateway] [--mail]
# --gateway (issue 14): a copy of the gateway in front of the service, and every other submission straight to the
# service, so that the report gives both latencies and the gateway's CPU per candidacy from the same run.
# --mail (issue 16): every host, school and family has a contact, so every transition's email goes to bin/infra's SMTP
# server (GreenMail); the report gives the delay from queuing to the SMTP server's acceptance (target p99 < 5 s).
# The issue-16 run: bench/applications/run.sh --rate 300 --candidacies 18000 --pupils 8000 --relays 20 --mail
# (--warmup: candidacies sent at the rate before the measured run, 3000 by default)
# The issue-12 relay run (about 60 s of campaign at 300/s; docs/BENCHMARKS.md "Relay feeds and webhooks"):
#   bench/applications/run.sh --rate 300 --candidacies 18000 --pupils 8000 --relays 20 --webhooks
# Environment: TREMPLIN_KAFKA_PORT / TREMPLIN_KAFKA_CONTROLLER_PORT run bin/infra's broker on other ports (and the
# generator and the service connect there); BENCH_APPLICATIONS_PORT moves the service (18083); MAVEN_ARGS=-o builds
# offline; any TREMPLIN_* setting of the service (e.g. TREMPLIN_APPLICATIONS_WEBHOOKS_BATCH_SIZE) passes through.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
RATE=350
CANDIDACIES=50000
PUPILS=20000
OFFERS=5000
SCHOOLS=400
WARMUP=3000
RELAYS=0
WEBHOOKS=false
WEBHOOKS_FLAG=""
THROUGH_GATEWAY=false
MAIL=false
GATEWAY_PORT=18080
while [ $# -gt 0 ]; do
  case "$1" in
    --rate) RATE=$2; shift 2 ;;
    --candidacies) CANDIDACIES=$2; shift 2 ;;
    --pupils) PUPILS=$2; shift 2 ;;
    --offers) OFFERS=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --relays) RELAYS=$2; shift 2 ;;
    --webhooks) WEBHOOKS=true; WEBHOOKS_FLAG=" --webhooks"; shift ;;
    --gateway) THROUGH_GATEWAY=true; shift ;;
    --mail) MAIL=true; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
PORT=${BENCH_APPLICATIONS_PORT:-18083}
DB=applications_bench
RUN=$(date -u +%Y%m%dT%H%M%S)
WORK="$ROOT/bench/results/applications-work"
mkdir -p "$WORK"
. "$ROOT/bin/lib/java.sh"
. "$ROOT/bench/lib/service.sh"
JAVA_HOME=$(find_jdk)
BOOTSTRAP=${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:${TREMPLIN_KAFKA_PORT:-9092}}
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
# Maven's -q still prints its errors on stdout: kept, and shown if it fails (offline, a plugin not yet downloaded)
./mvnw -q -f bench/applications/pom.xml dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" \
  > "$WORK/classpath.log" 2>&1 || { cat "$WORK/classpath.log"; exit 1; }
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

GAUGE=""
if [ "$RELAYS" -gt 0 ] || [ "$MAIL" = true ]; then
  echo "== the machine's speed: pgbench select-only, scale 10, 2 clients, 10 s (database applications_bench_gauge)"
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS applications_bench_gauge" -c "CREATE DATABASE applications_bench_gauge"
  pgbench -h 127.0.0.1 -U postgres -q -i -s 10 applications_bench_gauge >/dev/null 2>&1
  GAUGE_OUT=$(pgbench -h 127.0.0.1 -U postgres -n -S -M prepared -c 2 -j 2 -T 10 applications_bench_gauge 2>&1)
  GAUGE="pgbench gauge (select-only, scale 10, 2 clients, 10 s): tps=$(echo "$GAUGE_OUT" | awk '/^tps/ {printf "%.0f", $3}') latency_avg=$(echo "$GAUGE_OUT" | awk '/latency average/ {print $4}')ms; load before the run: $(uptime | sed 's/.*load average/load average/')"
  echo "   $GAUGE"
  "${PSQL[@]}" -d postgres -c "DROP DATABASE applications_bench_gauge"
fi

# the service reads per-run topics (bench.<run>.offers/.schools), which the ACL table does not grant
# applications-service: it connects as the broker's admin; its relay-accounts Admin keeps its own principal
# It reads them in a consumer group of its own: in the platform's (bin/platform up beside it), the group's leader,
# logged in as the platform's applications-service, may not describe those topics and would never assign them
RELAY_ACCOUNTS_KAFKA_PASSWORD=$(kafka_password relay-accounts)

MAIL_API=""
SMTP_PORT=${TREMPLIN_SMTP_PORT:-3025}
stop_mail() { if [ "$MAIL" = true ]; then stop_mail_server "$WORK/mail"; fi; }
if [ "$MAIL" = true ]; then
  SMTP_PORT=${BENCH_SMTP_PORT:-13025}
  start_mail_server "$SMTP_PORT" "${BENCH_MAIL_API_PORT:-18025}" "$WORK/mail"
  MAIL_API=http://127.0.0.1:${BENCH_MAIL_API_PORT:-18025}
  trap stop_mail EXIT
  echo "== an SMTP server of the benchmark's own on :$SMTP_PORT (GreenMail; its API on :${BENCH_MAIL_API_PORT:-18025})"
fi

echo "== starting applications-service on :$PORT (prod profile, JSON access log to $WORK/service.log)"
QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB \
QUARKUS_DATASOURCE_USERNAME=applications QUARKUS_DATASOURCE_PASSWORD=applications \
KAFKA_BOOTSTRAP_SERVERS=$BOOTSTRAP MP_JWT_VERIFY_PUBLICKEY_LOCATION="$WORK/jwt-public.pem" \
KAFKA_USERNAME=admin KAFKA_PASSWORD="$BENCH_KAFKA_PASSWORD" KAFKA_RELAY_ACCOUNTS_PASSWORD="$RELAY_ACCOUNTS_KAFKA_PASSWORD" \
TREMPLIN_APPLICATIONS_WEBHOOKS_ALLOW_HTTP_LOOPBACK=$WEBHOOKS TREMPLIN_SMTP_PORT=$SMTP_PORT \
MP_MESSAGING_INCOMING_OFFERS_TOPIC=$OFFERS_TOPIC MP_MESSAGING_INCOMING_SCHOOLS_TOPIC=$SCHOOLS_TOPIC \
MP_MESSAGING_INCOMING_OFFERS_GROUP_ID=bench-$RUN MP_MESSAGING_INCOMING_SCHOOLS_GROUP_ID=bench-$RUN \
QUARKUS_LOG_CATEGORY__ORG_APACHE_KAFKA__LEVEL=ERROR \
  MALLOC_ARENA_MAX=2 "$JAVA_HOME/bin/java" $(service_java_options "$JAVA_HOME") ${SERVICE_JAVA_OPTS:-} -jar "$WORK/app/quarkus-run.jar" > "$WORK/service.log" 2>&1 &
SERVICE=$!
trap 'stop_service $SERVICE; stop_mail' EXIT
await_ready $PORT "$WORK/service.log"

TARGET=(base=http://127.0.0.1:$PORT)
GATEWAY_PID=0
if [ "$THROUGH_GATEWAY" = true ]; then
  # issue 14: a copy of the gateway in front; every other submission goes straight to the service (same run)
  [ -f gateway/target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -pl gateway -am package -DskipTests
  GATEWAY_PID=$(start_gateway "$GATEWAY_PORT" "http://127.0.0.1:$PORT" "$WORK")
  trap 'stop_service $GATEWAY_PID; stop_service $SERVICE; stop_mail' EXIT
  TARGET=(base=http://127.0.0.1:$GATEWAY_PORT direct=http://127.0.0.1:$PORT)
  echo "== the gateway in front on :$GATEWAY_PORT (rate limits lifted); half the submissions go straight to the service"
fi

echo "== campaign: $RELAYS relays (0: five, REST only), webhooks $WEBHOOKS; $PUPILS pupils, $CANDIDACIES candidacies, $OFFERS offers, target $RATE submissions/s"
OUT=$("$JAVA_HOME/bin/java" -Xms1g -Xmx1g -DservicePid=$SERVICE -DgatewayPid=$GATEWAY_PID -cp "$CP" CampaignLoad run "${TARGET[@]}" bootstrap="$BOOTSTRAP" offersTopic="$OFFERS_TOPIC" \
  schoolsTopic="$SCHOOLS_TOPIC" db=jdbc:postgresql://127.0.0.1:5432/$DB key="$WORK/jwt-private.pem" \
  offers=$OFFERS schools=$SCHOOLS pupils=$PUPILS candidacies=$CANDIDACIES rate=$RATE warmup=$WARMUP relays=$RELAYS webhooks=$WEBHOOKS ${MAIL_API:+mailApi=$MAIL_API} \
  | tee /dev/stderr)
RSS=$(awk '/VmHWM/ {print int($2/1024)}' /proc/$SERVICE/status)
RSS_AT_END=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$SERVICE/status)
ERRORS=$(grep -c '"level":"ERROR"' "$WORK/service.log" || true)

# the service's settings given by environment (tuning), so that each result says what it ran with
SETTINGS=$(env | grep -E '^(TREMPLIN_(APPLICATIONS|OUTBOX|NOTIFICATIONS)|QUARKUS_(MAILER|THREAD_POOL|DATASOURCE_JDBC_MAX|VERTX|HTTP_IO))_' | sort | tr '\n' ' ' || true)
SETTINGS="$SETTINGS${SERVICE_JAVA_OPTS:+SERVICE_JAVA_OPTS=$SERVICE_JAVA_OPTS}"
SUMMARY="campaign opening benchmark $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores (service, PostgreSQL, Kafka and load generator on the same machine)
options: --warmup $WARMUP --rate $RATE --candidacies $CANDIDACIES --pupils $PUPILS --offers $OFFERS --relays $RELAYS${WEBHOOKS_FLAG}$( [ "$THROUGH_GATEWAY" = true ] && echo " --gateway")$( [ "$MAIL" = true ] && echo " --mail"); service settings from the environment: ${SETTINGS:-none}
${GAUGE:+$GAUGE
}$OUT
load after the run: $(uptime | sed 's/.*load average/load average/')
service RSS: peak ${RSS} MiB, ${RSS_AT_END} MiB at the end (target <= 256); ERROR lines in the service log: $ERRORS$( [ "$GATEWAY_PID" = 0 ] || echo "; gateway peak RSS: $(awk '/VmHWM/ {print int($2/1024)}' /proc/$GATEWAY_PID/status) MiB")
processes of bin/platform running beside it: $(bin/platform status 2>/dev/null | grep -cE '^(offers-service|schools-service|applications-service|gateway): running' || true) of 4"
mkdir -p bench/results
echo "$SUMMARY" > "bench/results/applications-$RUN.txt"
echo "== kept in bench/results/applications-$RUN.txt"
