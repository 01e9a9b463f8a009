#!/usr/bin/env bash
# The signaling benchmark (docs/benchmarks.md): builds the server jar and the load tool, then runs
# the load against a server it starts on a free loopback port. Options: ./bench.sh --help
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -ntp -q -pl bench -am package -DskipTests
exec java -jar bench/target/bench-0.1.0-SNAPSHOT.jar "$@"
