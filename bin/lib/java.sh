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
# "The whole platform up"). A fixed heap (no resizing: the search's p99 fell from 80 to 7 ms with it) of 128 MiB, with
# the serial collector: a service keeps about 30 MiB alive under the search, and its young collections take 2-8 ms.
# G1 with 256 MiB, as before, cost 110-120 MiB more RSS (its own structures were 46 MiB) for the same throughput in
# back-to-back runs; G1 with 128 MiB, 10 MiB more than serial and a worse p99. 128 MiB used to run out under overload
# only because waiting requests queued without bound, which AdmissionLimit now stops (docs/BENCHMARKS.md, "Overload: a
# bounded service"). A service's code alone (metaspace, symbols, compiled code) takes about 180 MiB that no heap
# setting shrinks, about 250 MiB with threads and buffers, so issue 14's 256 MiB of RSS is not reached this way.
# Compact object headers (JDK 25+) shrink every object. $1: the JDK's home, as find_jdk prints it.
service_java_options() {
  if [ -n "${TREMPLIN_JAVA_OPTS:-}" ]; then echo "$TREMPLIN_JAVA_OPTS"; return 0; fi
  local options="-Xms128m -Xmx128m -XX:+UseSerialGC $(shared_jvm_options "$1")"
  [ "$(java_major "$1")" -ge 25 ] && options="$options -XX:+UseCompactObjectHeaders"
  echo "$options"
}

# Every JVM of the platform on one machine (the services, the gateway, the local broker and SMTP server):
# - gives back the native memory it freed: the JIT's compilations and the class loading of the start malloc tens of
#   MiB, free them, and glibc keeps them unless asked (JDK 22+: a trim every 30 s). offers-service under the search, 64
#   MiB heap, a trim every 5 s: the malloc heap 43 -> 17 MiB, RSS 325 -> 292 MiB, the same throughput (docs/BENCHMARKS.md,
#   "Memory: the local broker's heap, native memory given back"); but each trim walks the allocator's arenas, 4-10 CPU
#   ticks in 2 minutes a JVM at rest, 0.28 % of a core for the platform, hence 30 s;
# - looks for idle monitors to deflate every 5 s instead of every 250 ms: its deflation thread took 5-13 ticks in 2
#   minutes a JVM at rest, 0.46 % of a core for the platform, about nothing once woken twenty times less (docs/BENCHMARKS.md,
#   "The platform at rest: two JVM threads that woke for nothing"). The flag is diagnostic, in every JDK since 15.
# Run the JVM with MALLOC_ARENA_MAX=2 as well (glibc's default of 8 arenas a core spreads what it keeps). $1: the JDK's home.
shared_jvm_options() {
  local options="-XX:+UnlockDiagnosticVMOptions -XX:AsyncDeflationInterval=5000"
  [ "$(java_major "$1")" -ge 22 ] && options="$options -XX:TrimNativeHeapInterval=30000"
  echo "$options"
}

# The JVM options that give a service its ahead-of-time cache (JDK 25+, JEP 483/514; docs/BENCHMARKS.md, "Start"):
# the classes as loaded and linked by an earlier run, so that a start reads them instead of parsing, verifying and
# linking them again (offers-service's start: 13 s of CPU without, 4.6 s with). The services are packaged as aot-jar
# (application.properties) so that their classes load from the class path, where the cache can hold them.
# A run without a cache for this exact build records one (-XX:AOTCacheOutput), written when it stops; the next start
# uses it (-XX:AOTCache). A rebuild or other JVM options (a cache holds objects laid out for one collector) change the
# stamp, so a stale cache is never used (and is removed).
# $1: the JDK's home; $2: the service's quarkus-app folder; $3: where caches live; $4: the service's name.
# Prints nothing on a JDK older than 25.
aot_cache_options() {
  local jdk=$1 app=$2 dir=$3 name=$4 stamp cache
  [ "$(java_major "$jdk")" -ge 25 ] || return 0
  stamp=$({ find "$app" -type f -printf '%P %s %T@\n' | sort; service_java_options "$jdk"; } | sha256sum | cut -c1-16)
  cache="$dir/$name-$stamp.aot"
  if [ -s "$cache" ]; then echo "-XX:AOTCache=$cache"; return 0; fi
  mkdir -p "$dir"
  rm -f "$dir/$name"-*.aot
  echo "-XX:AOTCacheOutput=$cache"
}
