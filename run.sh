#!/usr/bin/env bash
# Builds ChatForYou and runs it on the embedded default: peer-to-peer mesh, no media server.
# Then open http://localhost:8080 (PORT=... to change the port).
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -ntp -q install -DskipTests
exec java -jar chat-server/target/chat-server-0.1.0-SNAPSHOT.jar "$@"
