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
