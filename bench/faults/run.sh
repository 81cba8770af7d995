#!/usr/bin/env bash
# Fault-injection suite (issue 15; docs/RELIABILITY.md): a steady campaign load through the gateway while a dependency
# breaks, then counts from the databases and the topic what was answered, written, published and consumed.
#   kafka     the broker stopped for 60 s, then started again
#   kill      kill -9 of applications-, offers-, schools-service and the gateway in turn, each started again 5 s later
#   postgres  PostgreSQL restarted (pg_ctl restart -m immediate: a crash and its recovery)
#   twins     two instances of each service side by side (and a second gateway in front of the second ones): their
#             outbox relays, consumers and timers compete on the same databases
# Usage: bench/faults/run.sh [kafka|kill|postgres|twins|all]...   (all by default)
# Self-contained, so that it breaks nothing of anyone else's: its own PostgreSQL cluster (initdb of the machine's
# PostgreSQL binaries, found at run time) and its own Kafka broker (bin/infra's functions, with TREMPLIN_PLATFORM_DIR
# pointing into bench/results/), the services and the gateway from copies of their built jars, all on ports of their
# own; each scenario starts from empty databases. Everything it started is stopped when it ends, failed or not.
# Environment: FAULTS_RATE (submissions/s, 40), FAULTS_PG_PORT (25432), FAULTS_KAFKA_PORT (29092, and the next one
# for the controller), FAULTS_PORT (28080: gateway; +1..+3 the services; +10..+13 the twins), FAULTS_BUILD=false to
# use the jars already built, FAULTS_SETTLE (seconds after a killed process is ready again before the next kill, 40).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
SCENARIOS=("$@")
[ ${#SCENARIOS[@]} -gt 0 ] && [ "${SCENARIOS[0]}" != all ] || SCENARIOS=(kafka kill postgres twins)
for s in "${SCENARIOS[@]}"; do
  case "$s" in kafka|kill|postgres|twins) ;; *) echo "unknown scenario $s (kafka|kill|postgres|twins|all)" >&2; exit 2 ;; esac
done
RATE=${FAULTS_RATE:-40}
FAULTS_PG_PORT=${FAULTS_PG_PORT:-25432}
BASE_PORT=${FAULTS_PORT:-28080}
RUN=$(date -u +%Y%m%dT%H%M%S)
WORK="$ROOT/bench/results/faults-work"
RESULT="$ROOT/bench/results/faults-$RUN.txt"
mkdir -p "$WORK/logs"

# bin/infra's Kafka functions, on ports and in a folder of the suite's own
export TREMPLIN_PLATFORM_DIR="$WORK/platform"
export TREMPLIN_KAFKA_PORT=${FAULTS_KAFKA_PORT:-29092}
export TREMPLIN_KAFKA_CONTROLLER_PORT=$((TREMPLIN_KAFKA_PORT + 1))
# shellcheck source=../../bin/infra
. "$ROOT/bin/infra"
. "$ROOT/bench/lib/service.sh"
mkdir -p "$LOG_DIR" "$RUN_DIR"
JAVA_HOME=$(find_jdk)
BOOTSTRAP=127.0.0.1:$TREMPLIN_KAFKA_PORT
# bin/infra's PostgreSQL functions (pg_setup_databases) then address the suite's cluster
PG_PORT=$FAULTS_PG_PORT
PGDATA_DIR="$WORK/pg"
PG_BIN=$(pg_config --bindir 2>/dev/null || true)
[ -x "$PG_BIN/initdb" ] || PG_BIN=$(dirname "$(readlink -f "$(command -v initdb)")")

say() { echo "== $*" | tee -a "$RESULT"; }
now_ms() { date +%s%3N; }
mark() { echo "$1 $2 $(now_ms)" >>"$WORK/marks"; echo "   $(date -u +%T) $1 $2"; }
# initdb and the server refuse to run as root: as the postgres account then
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# ---------------------------------------------------------------- the suite's own PostgreSQL and Kafka

pg_own_start() {
  if [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then
    rm -rf "$PGDATA_DIR"; mkdir -p "$PGDATA_DIR"
    [ "$(id -u)" -ne 0 ] || chown postgres "$PGDATA_DIR"
    as_postgres "$PG_BIN/initdb" -D "$PGDATA_DIR" -A trust -U postgres >/dev/null
    # two instances of each service: up to 2 x (8 + 32 + 32) connections, plus the generator's
    cat >>"$PGDATA_DIR/postgresql.conf" <<EOF
port = $PG_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PGDATA_DIR'
max_connections = 300
EOF
  fi
  as_postgres "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -l "$PGDATA_DIR/server.log" -w start >/dev/null
}

pg_own_stop() {
  [ -f "$PGDATA_DIR/postmaster.pid" ] || return 0
  as_postgres "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null 2>&1 || true
}

fresh_databases() {
  local name
  for name in "${SERVICE_DATABASES[@]}"; do psql_admin -d postgres -c "DROP DATABASE IF EXISTS $name WITH (FORCE)"; done
  pg_setup_databases 2>/dev/null
}

gauge() {
  psql_admin -d postgres -c "DROP DATABASE IF EXISTS gauge" -c "CREATE DATABASE gauge"
  "$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres -q -i -s 10 gauge >/dev/null 2>&1
  local out; out=$("$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -S -M prepared -c 2 -j 2 -T 10 gauge 2>&1)
  psql_admin -d postgres -c "DROP DATABASE gauge"
  echo "pgbench gauge (select-only, scale 10, 2 clients, 10 s, on the suite's cluster): tps=$(echo "$out" | awk '/^tps/ {printf "%.0f", $3}') latency_avg=$(echo "$out" | awk '/latency average/ {print $4}')ms"
}

# ---------------------------------------------------------------- the platform

declare -A PIDS=()
SERVICES=(offers-service:offers:1 schools-service:schools:2 applications-service:applications:3)

# The first instance of each service starts from an ahead-of-time cache, as bin/platform starts it (bin/lib/java.sh):
# a killed service's restart is part of the recovery measured, and from the cache it needs a third of the CPU. A start
# without a cache for this build records one, written when the process stops (begin_scenario then restarts the
# platform once). The twins start without one (two processes must not write the same cache).
RECORDING_AOT=false
AOT_OPTIONS=""
set_aot_options() {
  local name=$1 port=$2
  AOT_OPTIONS=""
  [ $((port - BASE_PORT)) -lt 10 ] || return 0
  AOT_OPTIONS=$(aot_cache_options "$JAVA_HOME" "$WORK/apps/$name/app" "$WORK/aot" "$name")
  case "$AOT_OPTIONS" in *AOTCacheOutput*) RECORDING_AOT=true ;; esac
}

start_service() {
  local name=$1 db=$2 port=$3 env
  env=(QUARKUS_HTTP_PORT="$port" MALLOC_ARENA_MAX=2 KAFKA_BOOTSTRAP_SERVERS="$BOOTSTRAP"
       MP_JWT_VERIFY_PUBLICKEY_LOCATION="$WORK/jwt-public.pem"
       QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$db"
       QUARKUS_DATASOURCE_USERNAME="$db" QUARKUS_DATASOURCE_PASSWORD="$db"
       QUARKUS_LOG_CATEGORY__ORG_APACHE_KAFKA__LEVEL=ERROR
       KAFKA_PASSWORD="$(kafka_password "$name")")
  if [ "$name" = applications-service ]; then
    # the world is seeded on the run's own topics, which only the broker's admin may read (as bench/applications)
    env+=(KAFKA_USERNAME=admin KAFKA_PASSWORD="$(kafka_password admin)"
          KAFKA_RELAY_ACCOUNTS_PASSWORD="$(kafka_password relay-accounts)" QUARKUS_MAILER_MOCK=true
          MP_MESSAGING_INCOMING_OFFERS_TOPIC="$OFFERS_TOPIC" MP_MESSAGING_INCOMING_SCHOOLS_TOPIC="$SCHOOLS_TOPIC")
  fi
  set_aot_options "$name" "$port"
  # shellcheck disable=SC2046,SC2086 # lists of options
  env "${env[@]}" "$JAVA_HOME/bin/java" $(service_java_options "$JAVA_HOME") $AOT_OPTIONS -Dvertx.disableURIValidation=true \
    -jar "$WORK/apps/$name/app/quarkus-run.jar" >>"$WORK/logs/$name-$port.log" 2>&1 &
  PIDS[$name@$port]=$!
}

start_platform() {
  local twins=$1 entry name db offset
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r name db offset <<<"$entry"
    start_service "$name" "$db" $((BASE_PORT + offset))
    await_ready $((BASE_PORT + offset)) "$WORK/logs/$name-$((BASE_PORT + offset)).log"
    if [ "$twins" = true ]; then
      start_service "$name" "$db" $((BASE_PORT + 10 + offset))
      await_ready $((BASE_PORT + 10 + offset)) "$WORK/logs/$name-$((BASE_PORT + 10 + offset)).log"
    fi
  done
  start_gateways "$twins"
}

start_gateways() {
  mkdir -p "$WORK/gw" "$WORK/gw-twin"
  cp "$WORK/jwt-public.pem" "$WORK/gw/"; cp "$WORK/jwt-public.pem" "$WORK/gw-twin/"
  PIDS[gateway@$BASE_PORT]=$(start_gateway "$BASE_PORT" "http://127.0.0.1:$((BASE_PORT + 3))" "$WORK/gw" \
    "http://127.0.0.1:$((BASE_PORT + 1))" "http://127.0.0.1:$((BASE_PORT + 2))")
  if [ "$1" = true ]; then
    PIDS[gateway@$((BASE_PORT + 10))]=$(start_gateway $((BASE_PORT + 10)) "http://127.0.0.1:$((BASE_PORT + 13))" \
      "$WORK/gw-twin" "http://127.0.0.1:$((BASE_PORT + 11))" "http://127.0.0.1:$((BASE_PORT + 12))")
  fi
}

# all at once, and with two minutes each, as bin/platform down: a service recording its ahead-of-time cache writes it
# as it stops, which takes a while on a loaded machine
stop_platform() {
  local key stoppers=()
  for key in "${!PIDS[@]}"; do stop_service "${PIDS[$key]}" 120 & stoppers+=($!); done
  [ ${#stoppers[@]} -eq 0 ] || wait "${stoppers[@]}"
  for key in "${!PIDS[@]}"; do unset "PIDS[$key]"; done
}

# ERROR lines of every service's log of this scenario, and the 500s the gateway logged
log_errors() {
  local f n out=""
  for f in "$WORK"/logs/*-service-*.log "$WORK"/gw/gateway.log "$WORK"/gw-twin/gateway.log; do
    [ -f "$f" ] || continue
    n=$(grep -c '"level":"ERROR"' "$f" || true)
    out+="$(basename "$(dirname "$f")")/$(basename "$f"):$n "
  done
  echo "ERROR lines in the logs: $out"
}

cleanup() {
  set +e
  [ -n "${LOAD_PID:-}" ] && kill "$LOAD_PID" 2>/dev/null
  stop_platform
  kafka_stop 2>/dev/null
  pg_own_stop
}
trap cleanup EXIT

# ---------------------------------------------------------------- the load and the scenarios

start_load() {
  local seconds=$1 second=${2:-}
  rm -f "$WORK/loading" "$WORK/marks"; touch "$WORK/marks"
  "$JAVA_HOME/bin/java" -Xms512m -Xmx512m -cp "$CP" FaultLoad base="http://127.0.0.1:$BASE_PORT" ${second:+second=$second} \
    bootstrap="$BOOTSTRAP" offersTopic="$OFFERS_TOPIC" schoolsTopic="$SCHOOLS_TOPIC" key="$WORK/jwt-private.pem" \
    db="jdbc:postgresql://127.0.0.1:$PG_PORT/applications" offersDb="jdbc:postgresql://127.0.0.1:$PG_PORT/offers" \
    schoolsDb="jdbc:postgresql://127.0.0.1:$PG_PORT/schools" dir="$WORK" rate="$RATE" seconds="$seconds" \
    offers=1000 schools=100 pupils=$((RATE * seconds * 2 / 5)) >"$WORK/load.out" 2>&1 &
  LOAD_PID=$!
  while [ ! -f "$WORK/loading" ]; do
    kill -0 "$LOAD_PID" 2>/dev/null || { cat "$WORK/load.out"; die "the load generator stopped before the load"; }
    sleep 1
  done
  echo "   $(date -u +%T) steady load of $RATE submissions/s for $seconds s"
}

finish_load() {
  wait "$LOAD_PID" || echo "   the load generator failed (exit $?)"
  LOAD_PID=""
  sed -n '/^world:/,$p' "$WORK/load.out" | tee -a "$RESULT"
  log_errors | tee -a "$RESULT"
  # the logs kept for reading after the run (the next scenario starts new ones)
  mkdir -p "$WORK/kept/$RUN-$SCENARIO"
  cp "$WORK"/logs/*-service-*.log "$WORK/kept/$RUN-$SCENARIO/" 2>/dev/null || true
  for gw in gw gw-twin; do [ -f "$WORK/$gw/gateway.log" ] && cp "$WORK/$gw/gateway.log" "$WORK/kept/$RUN-$SCENARIO/$gw.log"; done
  echo "logs kept in ${WORK#"$ROOT"/}/kept/$RUN-$SCENARIO" | tee -a "$RESULT"
  echo "load average at the end: $(uptime | sed 's/.*load average: //')" | tee -a "$RESULT"
}

begin_scenario() {
  local name=$1 twins=${2:-false}
  SCENARIO=$name
  say "scenario $name ($(date -u +%FT%TZ)); load average before: $(uptime | sed 's/.*load average: //')"
  stop_platform
  fresh_databases
  rm -f "$WORK"/logs/*-service-*.log "$WORK"/gw*/gateway.log
  OFFERS_TOPIC=faults.$RUN.$name.offers
  SCHOOLS_TOPIC=faults.$RUN.$name.schools
  "$JAVA_HOME/bin/java" -Xmx256m -cp "$CP" CampaignLoad topics "$BOOTSTRAP" "$OFFERS_TOPIC" "$SCHOOLS_TOPIC"
  RECORDING_AOT=false
  start_platform "$twins"
  if [ "$RECORDING_AOT" = true ]; then
    echo "   $(date -u +%T) restarting the platform once: its stop wrote the services' ahead-of-time caches"
    stop_platform
    start_platform "$twins"
  fi
  # the generator reads every database as the applications role: the consumers' processed_event included
  for db in offers schools; do psql_admin -d "$db" -c "GRANT SELECT ON ALL TABLES IN SCHEMA public TO applications"; done
}

scenario_kafka() {
  begin_scenario kafka
  start_load 140
  sleep 20
  mark fault kafka; kafka_stop 2>/dev/null; sleep 60
  kafka_start 2>/dev/null; mark back kafka
  finish_load
}

# kill -9, 5 s down, started again; "back" is the new process's start, its readiness is awaited after (the load goes
# on meanwhile)
kill_and_restart() {
  local name=$1 port=$2 db=$3 starter
  mark fault "$name"
  kill -9 "${PIDS[$name@$port]}"; wait "${PIDS[$name@$port]}" 2>/dev/null || true
  sleep 5
  if [ "$name" = gateway ]; then
    # start_gateway prints the pid once the gateway is ready
    start_gateway "$BASE_PORT" "http://127.0.0.1:$((BASE_PORT + 3))" "$WORK/gw" "http://127.0.0.1:$((BASE_PORT + 1))" \
      "http://127.0.0.1:$((BASE_PORT + 2))" >"$WORK/gateway.pid" &
    starter=$!
    mark back "$name"
    wait "$starter" || echo "   gateway not ready again"
    PIDS[gateway@$BASE_PORT]=$(cat "$WORK/gateway.pid")
  else
    start_service "$name" "$db" "$port"
    mark back "$name"
    await_ready "$port" /dev/null || echo "   $name not ready again"
  fi
  echo "   $(date -u +%T) $name ready again"
  # long enough for a consumer's catch-up to be measured rather than cut off by the next kill (20 s was not)
  sleep "${FAULTS_SETTLE:-40}"
}

scenario_kill() {
  begin_scenario kill
  # four restarts of 5 s down, then 40 s once ready (FAULTS_SETTLE); from its ahead-of-time cache a service is ready
  # again 5-20 s after its start on this machine under the load (30-100 s without one)
  start_load 420
  sleep 30
  kill_and_restart applications-service $((BASE_PORT + 3)) applications
  kill_and_restart offers-service $((BASE_PORT + 1)) offers
  kill_and_restart schools-service $((BASE_PORT + 2)) schools
  if kill -0 "$LOAD_PID" 2>/dev/null; then
    kill_and_restart gateway "$BASE_PORT" ""
  else
    echo "   the load is over: the gateway is not killed (a fault without load measures nothing)"
  fi
  finish_load
}

scenario_postgres() {
  begin_scenario postgres
  start_load 100
  sleep 20
  mark fault postgresql
  as_postgres "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -l "$PGDATA_DIR/server.log" -m immediate -w restart >/dev/null
  mark back postgresql
  finish_load
}

scenario_twins() {
  begin_scenario twins true
  start_load 120 "http://127.0.0.1:$((BASE_PORT + 10))"
  finish_load
}

# ---------------------------------------------------------------- main

echo "fault-injection suite $RUN on $(nproc) cores, shared (PostgreSQL, Kafka, 4-7 JVMs and the generator on the same machine); scenarios: ${SCENARIOS[*]}; $RATE submissions/s" | tee "$RESULT"
echo "load average at the start: $(uptime | sed 's/.*load average: //')" | tee -a "$RESULT"
throwaway_keys "$WORK"
if [ "${FAULTS_BUILD:-true}" = true ]; then
  say "building the jars"
  nice ./mvnw -q package -DskipTests -pl offers-service,schools-service,applications-service,gateway -am
fi
for entry in "${SERVICES[@]}"; do copy_app "${entry%%:*}" "$WORK/apps/${entry%%:*}"; done
# the generator's libraries (Kafka clients, the PostgreSQL driver, Jackson) taken from the service's own copy: the
# versions the platform runs, and no resolution needed
LIBS="$WORK/apps/applications-service/app/lib/main/*"
rm -rf "$WORK/load"
"$JAVA_HOME/bin/javac" -nowarn -cp "$LIBS" -d "$WORK/load" \
  bench/lib/LeanHttp.java bench/lib/BenchKafka.java bench/applications/*.java bench/faults/*.java
CP="$LIBS:$WORK/load"

say "the suite's PostgreSQL on 127.0.0.1:$PG_PORT ($PG_BIN) and Kafka on $BOOTSTRAP"
pg_own_start
echo "$(gauge)" | tee -a "$RESULT"
rm -rf "$KAFKA_DIR/data" "$KAFKA_DIR/cluster-id"
kafka_start; kafka_acls; kafka_topics
BENCH_KAFKA_PASSWORD=$(kafka_password admin)
export BENCH_KAFKA_PASSWORD

for s in "${SCENARIOS[@]}"; do "scenario_$s"; done
say "kept in ${RESULT#"$ROOT"/}"
