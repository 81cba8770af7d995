# shellcheck shell=bash
# Finds a JDK 21+ on this machine. Sourced by ./mvnw, bin/infra and bin/platform so that the build,
# the Kafka broker and the services all run on the same JDK. The machine's default `java` may be
# older (17 on the Debian image), so PATH is not trusted: JAVA_HOME first, then the known JDKs.

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}

find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then echo "$candidate"; return 0; fi
  done
  return 1
}

# The JVM options of every service process, wherever it runs on one machine: bin/platform and the benchmarks take
# them from here (TREMPLIN_JAVA_OPTS replaces them), so that what is measured is what runs (docs/BENCHMARKS.md,
# "Memory"). A small fixed heap: a service's live data is about 30 MiB after a full collection, and its code
# (metaspace, symbols, compiled code, about 180 MiB) cannot shrink, so the heap decides its RSS under load. 96 MiB ran
# out of memory in an overloaded campaign (the consumers' fetches were unbounded then); 128 MiB is the floor kept. The serial collector: no concurrent GC threads on two cores, the smallest overhead in
# memory, pauses of a few milliseconds on a heap this size. Compact object headers (JDK 25+) shrink every object.
# $1: the JDK's home, as find_jdk prints it.
service_java_options() {
  if [ -n "${TREMPLIN_JAVA_OPTS:-}" ]; then echo "$TREMPLIN_JAVA_OPTS"; return 0; fi
  local options="-Xms128m -Xmx128m -XX:+UseSerialGC"
  [ "$(java_major "$1")" -ge 25 ] && options="$options -XX:+UseCompactObjectHeaders"
  echo "$options"
}
