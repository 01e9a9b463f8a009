#!/usr/bin/env bash
# The signaling benchmark (docs/benchmarks.md): builds the server jar and the load tool, then runs
# the load against a server it starts on a free loopback port. Options: ./bench.sh --help
# The media benchmark: ./bench.sh media [--participants K] [--rounds R]; ./bench.sh media --help
# The failover benchmark: ./bench.sh failover [--repetitions N] [--fault kill|freeze]; ./bench.sh failover --help
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -ntp -q -pl bench -am package -DskipTests
if [ "${1:-}" = media ] || [ "${1:-}" = failover ]; then
  # The media benchmark: Chromium, the server and Janus run in a network namespace of their own whose
  # private interface leads nowhere (libnice ignores loopback); see docs/benchmarks.md.
  main=com.chatforyou.bench.MediaBench
  if [ "$1" = failover ]; then main=com.chatforyou.bench.FailoverBench; fi
  shift
  export REAL_JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java" PRIVATE_NETWORK_ADDRESS=10.99.0.1/24
  exec chat-server/src/test/private-network/bin/java -Dchatforyou.janus.configs=deploy/janus \
    -cp "bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" "$main" "$@"
fi
exec java -jar bench/target/bench-0.1.0-SNAPSHOT.jar "$@"
