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
  rm -rf "$2/app" && cp -r "$1/target/quarkus-app" "$2/app"
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
  kill "$1" 2>/dev/null || return 0
  for _ in $(seq 1 40); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.5; done
  kill -9 "$1" 2>/dev/null || true
}

# CPU ticks (1/100 s) used so far by process $1
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# CPU ticks used so far by all of PostgreSQL's processes
postgres_ticks() { local t=0 p; for p in $(pgrep -u postgres); do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done; echo $t; }

# The password of Kafka principal $1 (admin, offers-service...) as bin/infra up made it (docs/KAFKA.md): read here and
# passed by environment to a process, never written into a file of the repository
kafka_password() {
  local file="$ROOT/.platform/kafka/credentials/$1"
  [ -s "$file" ] || { echo "no Kafka password for $1 in .platform/kafka/credentials/ (bin/infra up makes them)" >&2; return 1; }
  tr -d '[:space:]' <"$file"
}
