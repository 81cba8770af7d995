# Shared steps of the benchmarks' run.sh (sourced): the service under test runs from a copy of its jar, with a
# throwaway key pair, and is stopped cleanly when the script ends.

# a throwaway key pair in $1: the service verifies tokens with the public key (and a generator may sign with the other)
throwaway_keys() {
  [ -f "$1/jwt-public.pem" ] && return 0
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1/jwt-private.pem" 2>/dev/null
  openssl pkey -in "$1/jwt-private.pem" -pubout -out "$1/jwt-public.pem"
}

# copies module $1's built app into $2/app: another build cleaning target/ meanwhile must not pull the jar from
# under the running service
copy_app() {
  mkdir -p "$2" && rm -rf "$2/app" && cp -r "$1/target/quarkus-app" "$2/app"
}

# waits until the service on port $1 is ready; shows the end of its log $2 and fails if it never is
await_ready() {
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$1/q/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  tail -30 "$2"
  return 1
}

# stops process $1: politely, then after 20 s for good
stop_service() {
  [ "${1:-0}" != 0 ] || return 0   # "kill 0" would signal the whole process group: 0 stands for "not started"
  kill "$1" 2>/dev/null || return 0
  # $2: seconds to wait before kill -9 (20; longer for a JVM that writes its ahead-of-time cache as it stops)
  for _ in $(seq 1 $((${2:-20} * 2))); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.5; done
  kill -9 "$1" 2>/dev/null || true
}

# CPU ticks (1/100 s) used so far by process $1
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# the part of ticks $1 that its JIT compiler threads spent (a thread's name may hold spaces: read after its ")")
compiler_ticks() {
  local t=0 task name stat
  for task in /proc/"$1"/task/*; do
    IFS= read -r name <"$task/comm" 2>/dev/null || continue
    case "$name" in
      "C1 CompilerThre"*|"C2 CompilerThre"*)
        IFS= read -r stat <"$task/stat" 2>/dev/null || continue
        read -r -a stat <<<"${stat##*) }"
        t=$((t + stat[11] + stat[12])) ;;
    esac
  done
  echo $t
}

# whether $1 is one of the other arguments (no pipe: under pipefail, grep -q closing early fails the writer)
one_of() { local wanted=$1 candidate; shift; for candidate in "$@"; do [ "$candidate" = "$wanted" ] && return 0; done; return 1; }

# "pid ticks" of each PostgreSQL process postgres_ticks would count (same arguments): two snapshots given to
# postgres_ticks_between count only the processes alive in both, as an exited process's time is gone from /proc.
# Read with bash's own builtins, no process per backend: on a machine saturated by pgbench, forking tr and awk for
# each of 40 backends took so long that the second snapshot came after pgbench's backends had exited (PostgreSQL's
# CPU a pgbench transaction then read 0.00)
postgres_snapshot() {
  local p title database stat
  for p in $(pgrep -u postgres); do
    if [ $# -gt 0 ]; then
      # a client backend's title: "postgres: <cluster>: <user> <database> <host>(<port>) <state>"
      title=
      IFS= read -r -d '' title <"/proc/$p/cmdline" 2>/dev/null || [ -n "$title" ] || continue
      read -r _ _ _ database _ <<<"$title"
      if [[ $title == *"("*")"* ]] && ! one_of "$database" "$@"; then continue; fi
    fi
    read -r -a stat <"/proc/$p/stat" 2>/dev/null || continue
    echo "$p $((stat[13] + stat[14]))"
  done
}

# CPU ticks PostgreSQL used between two postgres_snapshot outputs ($1, $2: their texts)
postgres_ticks_between() { awk 'NR == FNR { before[$1] = $2; next } ($1 in before) { t += $2 - before[$1] } END { print t + 0 }' <(echo "$1") <(echo "$2"); }

# CPU ticks used so far by PostgreSQL: its shared processes (checkpointer, WAL writer...) and the backends of the
# databases named (all backends if none is): another program's queries on the same server are not counted
postgres_ticks() { postgres_snapshot "$@" | awk '{ t += $2 } END { print t + 0 }'; }

# The password of Kafka principal $1 (admin, offers-service...) as bin/infra up made it (docs/KAFKA.md): read here and
# passed by environment to a process, never written into a file of the repository
kafka_password() {
  local file="${TREMPLIN_PLATFORM_DIR:-$ROOT/.platform}/kafka/credentials/$1"
  [ -s "$file" ] || { echo "no Kafka password for $1 in .platform/kafka/credentials/ (bin/infra up makes them)" >&2; return 1; }
  tr -d '[:space:]' <"$file"
}

# Starts a copy of the gateway (built by the caller) on port $1 in front of the service at $2 (every route goes there,
# the upstream probes too; or offers' and schools' routes to $4 and $5 when given), verifying tokens with the public key in $3/jwt-public.pem; the rate limits are lifted,
# as one generator is one address: what is measured is the proxy's own cost. GATEWAY_JAVA_OPTS adds JVM options (a JFR
# recording, say). Prints the gateway's pid.
start_gateway() {
  local port=$1 upstream=$2 work=$3 offers=${4:-$2} schools=${5:-$2}
  copy_app gateway "$work/gateway"
  QUARKUS_HTTP_PORT=$port TREMPLIN_GATEWAY_OFFERS_URL=$offers TREMPLIN_GATEWAY_SCHOOLS_URL=$schools \
  TREMPLIN_GATEWAY_APPLICATIONS_URL=$upstream MP_JWT_VERIFY_PUBLICKEY_LOCATION="$work/jwt-public.pem" \
  TREMPLIN_GATEWAY_RATE_LIMIT_REQUESTS_PER_SECOND=1000000 TREMPLIN_GATEWAY_RATE_LIMIT_BURST=1000000 \
  TREMPLIN_GATEWAY_RATE_LIMIT_AUTHENTICATED_REQUESTS_PER_SECOND=1000000 TREMPLIN_GATEWAY_RATE_LIMIT_AUTHENTICATED_BURST=1000000 \
    MALLOC_ARENA_MAX=2 "$JAVA_HOME/bin/java" $(service_java_options "$JAVA_HOME") ${GATEWAY_JAVA_OPTS:-} -Dvertx.disableURIValidation=true \
    -jar "$work/gateway/app/quarkus-run.jar" > "$work/gateway.log" 2>&1 &
  local pid=$!
  await_ready "$port" "$work/gateway.log" >&2 || { kill "$pid"; return 1; }
  echo "$pid"
}

# An SMTP server of the benchmark's own: bin/infra's GreenMail with its state (pid file, log, jar) in $3, SMTP on port
# $1, its API to read the mail on $2, IMAP on $1 + 118; so that a campaign's tens of thousands of messages neither
# fill the developer's local mailbox (96 MiB of heap) nor mix with it. stop_mail_server $3 stops it.
start_mail_server() {
  TREMPLIN_PLATFORM_DIR="$3" TREMPLIN_SMTP_PORT="$1" TREMPLIN_MAIL_API_PORT="$2" TREMPLIN_MAIL_IMAP_PORT=$(($1 + 118)) \
    TREMPLIN_MAIL_HEAP=768m "$ROOT/bin/infra" up --no-kafka >&2
}
stop_mail_server() { TREMPLIN_PLATFORM_DIR="$1" "$ROOT/bin/infra" down >&2; }
