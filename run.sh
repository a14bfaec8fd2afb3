#!/usr/bin/env bash
# Runs the whole platform on this machine: builds what it needs, then starts an embedded PostgreSQL,
# an in-process Kafka broker, the command and query services, and loads the demo programmes on first start.
# Data stays in ./data (override with ALS_DATA_DIR). Stop with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")"
export AXONIQ_UPDATE_CHECKER_DISABLED=true
echo "Building the platform (the first run downloads dependencies from Maven Central)..."
./mvnw -q -B -ntp -DskipTests install
exec java -jar launcher/target/als-platform.jar "$@"
