#!/usr/bin/env bash
# Programme seat allocation benchmark (issue 13): applications-service's SeatAllocation over the 1,092 REP/REP+
# collèges of data/rep-colleges-2022.csv plus 5,000 synthetic other collèges (seeded headcounts), with and without
# the minimum of one seat, and a decline; prints the median and max of N runs and checks every total. No service,
# no database: the pure rule, compiled against applications-service's classes. Keeps its figures in bench/results/.
# Usage: bench/programmes/allocation.sh [--others N] [--seats S] [--runs R] [--warmup W] [--seed X]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
. "$ROOT/bin/lib/java.sh"
JAVA_HOME=$(find_jdk)
DATA_DIR=${TREMPLIN_DATA_DIR:-$ROOT/data}
CLASSES=applications-service/target/classes
WORK="$ROOT/bench/results/programmes-work"
mkdir -p "$WORK/load"

[ -f "$CLASSES/fr/tremplin/applications/domain/programme/SeatAllocation.class" ] \
  || ./mvnw -q -pl applications-service -am compile
"$JAVA_HOME/bin/javac" -cp "$CLASSES" -d "$WORK/load" bench/programmes/AllocationLoad.java

echo "== allocation over the REP/REP+ collèges and synthetic others"
"$JAVA_HOME/bin/java" -Xms256m -Xmx256m -cp "$WORK/load:$CLASSES" AllocationLoad \
  --csv "$DATA_DIR/rep-colleges-2022.csv" "$@" | tee "$ROOT/bench/results/programmes-allocation.txt"
