#!/usr/bin/env bash
# Group composition benchmark (issue 13): one programme week of 200 pupils from 40 schools (seeded skewed school
# sizes, genders F/M/unknown) with 12 services, planned by applications-service's CohortPlanner (groups of 5 mixed
# by school and gender, then the rotation over days 2-4) with seeds 1..N in one JVM. Prints the first (cold JVM),
# median and max time, the score of each term against its lower bound, and the constraints that bind; then the
# grouping search alone with no bound to stop at (its whole budget: the worst time); keeps the
# output in bench/results/. No service, database or broker: the planner is pure Java, compiled with the module and
# called by a plain program (bench/programmes/GroupingLoad.java, compiled with javac and run with `java`).
# --leaning: each school sends 90 % F or 90 % M (mixing schools then fights balancing genders).
# Usage: bench/programmes/grouping.sh [--pupils N] [--schools N] [--services N] [--runs N] [--instance-seed N]
#                                     [--leaning]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
PUPILS=200
SCHOOLS=40
SERVICES=12
RUNS=30
INSTANCE_SEED=13
GENDERS=mixed
while [ $# -gt 0 ]; do
  case "$1" in
    --pupils) PUPILS=$2; shift 2 ;;
    --schools) SCHOOLS=$2; shift 2 ;;
    --services) SERVICES=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --instance-seed) INSTANCE_SEED=$2; shift 2 ;;
    --leaning) GENDERS=leaning; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
RUN=$(date -u +%Y%m%dT%H%M%S)
WORK="$ROOT/bench/results/grouping-work"
mkdir -p "$WORK"
. "$ROOT/bin/lib/java.sh"
JAVA_HOME=$(find_jdk)

echo "== compiling applications-service and the load program"
./mvnw -q -pl applications-service -am compile
# emptied first so that no class of a removed file lingers
rm -rf "$WORK/load"
"$JAVA_HOME/bin/javac" -cp applications-service/target/classes -d "$WORK/load" bench/programmes/GroupingLoad.java

echo "== planning a week of $PUPILS pupils from $SCHOOLS schools with $SERVICES services, $RUNS runs"
echo "   (machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the runs)"
"$JAVA_HOME/bin/java" -Xmx256m -cp "applications-service/target/classes:$WORK/load" GroupingLoad \
  "$PUPILS" "$SCHOOLS" "$SERVICES" "$RUNS" "$INSTANCE_SEED" "$GENDERS" | tee "$ROOT/bench/results/grouping-$RUN.txt"
echo "   (load average $(cut -d' ' -f1-3 /proc/loadavg) after the runs)"
