#!/usr/bin/env bash
# Runs the whole platform on this machine: builds what it needs, then starts an embedded PostgreSQL,
# an in-process Kafka broker, the command and query services, and loads the demo programmes on first start.
# Data stays in ./data (override with ALS_DATA_DIR). Stop with Ctrl-C.
# The Maven build is skipped when no source or build file changed since the jar was made (ALS_BUILD=always
# forces it).
set -euo pipefail
cd "$(dirname "$0")"
export AXONIQ_UPDATE_CHECKER_DISABLED=true
JAR=launcher/target/als-platform.jar

sources_changed_since_jar() {
  [ ! -f "$JAR" ] && return 0
  # any pom, Maven wrapper setting or file under a module's src/ newer than the jar
  [ -n "$(find . -path ./data -prune -o -path '*/target' -prune -o -path ./.git -prune -o \
      \( -name pom.xml -o -path './.mvn/*' -o -path '*/src/*' \) -type f -newer "$JAR" -print -quit)" ]
}

if [ "${ALS_BUILD:-auto}" = always ] || sources_changed_since_jar; then
  echo "Building the platform (the first run downloads dependencies from Maven Central)..."
  ./mvnw -q -B -ntp -DskipTests install
  touch "$JAR"
else
  echo "Nothing changed since the last build; starting $JAR (ALS_BUILD=always rebuilds)"
fi
exec java -jar "$JAR" "$@"
