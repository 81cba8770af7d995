#!/usr/bin/env bash
# The platform at rest (issue 14): CPU, RSS and threads of every process of a running `bin/platform up`, and how long
# each service took to start.
#   bench/platform/rest.sh [--seconds S] [--calm S]
# Waits --calm seconds (default 20) so that start-up work is over, then reads each process's CPU time from
# /proc/<pid>/stat over --seconds (default 60): 100 % is one core. PostgreSQL counts its shared processes and the backends
# of the platform's three databases (not another program's). Start: Quarkus' own "started in" figure from each log (process start to the HTTP port open, Flyway and
# the Kafka clients included). Results are printed and kept in bench/results/rest-<time>.txt.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source-path=SCRIPTDIR source=../lib/service.sh
. "$ROOT/bench/lib/service.sh"
SECONDS_MEASURED=60
CALM=20
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) SECONDS_MEASURED=$2; shift 2 ;;
    --calm) CALM=$2; shift 2 ;;
    *) echo "usage: bench/platform/rest.sh [--seconds S] [--calm S]" >&2; exit 2 ;;
  esac
done

RUN="$ROOT/.platform/run"
LOGS="$ROOT/.platform/logs"
NAMES=(kafka offers-service schools-service applications-service gateway)
declare -A PIDS
for name in "${NAMES[@]}"; do
  pid=$(cat "$RUN/$name.pid" 2>/dev/null) && kill -0 "$pid" 2>/dev/null \
    || { echo "$name is not running: start the platform with bin/platform up" >&2; exit 1; }
  PIDS[$name]=$pid
done

mkdir -p "$ROOT/bench/results"
OUT="$ROOT/bench/results/rest-$(date -u +%Y%m%dT%H%M).txt"
exec > >(tee "$OUT")

echo "platform at rest, $(date -u '+%Y-%m-%d %H:%M') UTC, commit $(git -C "$ROOT" rev-parse --short HEAD), $(nproc) cores"
echo "calm ${CALM} s, then CPU over ${SECONDS_MEASURED} s"
sleep "$CALM"
declare -A BEFORE
declare -A JIT_BEFORE
for name in "${NAMES[@]}"; do BEFORE[$name]=$(ticks "${PIDS[$name]}"); JIT_BEFORE[$name]=$(compiler_ticks "${PIDS[$name]}"); done
PG_BEFORE=$(postgres_ticks offers schools applications)
sleep "$SECONDS_MEASURED"

rss_mib() { awk '/^VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }
threads() { awk '/^Threads/ {print $2}' "/proc/$1/status"; }
started_in() { sed -n 's/.*started in \([0-9.]*s\).*/\1/p' "$LOGS/$1.log" 2>/dev/null | tail -1; }
percent() { awk -v t="$1" -v s="$SECONDS_MEASURED" 'BEGIN {printf "%.2f", t / s}'; }   # ticks are 1/100 s

# the JIT compilers' share apart: at rest they still compile the idle loops for many minutes after a start
printf '%-22s %10s %14s %9s %8s %11s\n' process "CPU %" "of which JIT" "RSS MiB" threads "started in"
total=0
jit_total=0
for name in "${NAMES[@]}"; do
  used=$(( $(ticks "${PIDS[$name]}") - BEFORE[$name] ))
  jit=$(( $(compiler_ticks "${PIDS[$name]}") - JIT_BEFORE[$name] ))
  total=$((total + used))
  jit_total=$((jit_total + jit))
  start=-; [ "$name" = kafka ] || start=$(started_in "$name")
  printf '%-22s %10s %14s %9s %8s %11s\n' "$name" "$(percent $used)" "$(percent $jit)" "$(rss_mib "${PIDS[$name]}")" \
    "$(threads "${PIDS[$name]}")" "$start"
done
pg=$(( $(postgres_ticks offers schools applications) - PG_BEFORE ))
total=$((total + pg))
printf '%-22s %10s\n' "postgresql" "$(percent $pg)"
printf '%-22s %10s %14s   (target: under 3 %% of one core)\n' total "$(percent $total)" "$(percent $jit_total)"
echo "measured from $(( $(ps -o etimes= -p "${PIDS[gateway]}") - SECONDS_MEASURED )) s after the gateway's start (the last process of bin/platform up)"
