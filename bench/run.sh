#!/usr/bin/env bash
# Runs the load benchmark from the repository root with as many file descriptors as the
# machine allows: 10,000 idle sessions need 10,000 sockets in this process alone.
# Build first: ./mvnw -pl app -am package -DskipTests && ./mvnw -Pbench -pl bench package
set -euo pipefail
cd "$(dirname "$0")/.."

if ! ulimit -n 65536 2>/dev/null; then
  ulimit -n "$(ulimit -Hn)"
fi

jar=bench/target/switchboard-bench-0.1.0-SNAPSHOT.jar
if [[ ! -f "$jar" ]]; then
  echo "no $jar: build it with ./mvnw -Pbench -pl bench package" >&2
  exit 2
fi
exec java ${BENCH_JAVA_OPTS:-} -jar "$jar" "$@"
