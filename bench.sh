#!/usr/bin/env bash
# The benchmark suite: builds the services and the benchmark module (profile -Pbenchmark), then runs it.
#   ./bench.sh            full sizes, 3 runs, writes BENCHMARKS.md (about an hour on 2 cores)
#   ./bench.sh --quick    small sizes, for trying things out (writes BENCHMARKS-quick.md unless --out is given)
#   options: --runs N, --out FILE, --only ingest,projection,dashboard (or e2e alone, with -Dbench.e2e-peak=N)
#   -Dbench.authorization='Bearer ...' (in BENCH_JAVA_OPTS) is sent with every HTTP request.
#   BENCH_SERVICE_JVM_OPTS='-Xlog:gc:file=/tmp/{name}-gc.log -Dlogging.level.org.actionlearning=DEBUG' is passed to
#   every service's JVM and the Kafka broker's ({name} is the service's name, or kafka-broker); BENCH_JAVA_OPTS
#   splits on spaces, so it cannot carry it.
set -euo pipefail
cd "$(dirname "$0")"
export AXONIQ_UPDATE_CHECKER_DISABLED=true
MAVEN_REPO=${MAVEN_REPO:-}
repo_opt=()
[ -n "$MAVEN_REPO" ] && repo_opt=("-Dmaven.repo.local=$MAVEN_REPO")
if [ "${BENCH_SKIP_BUILD:-}" != "true" ]; then
  ./mvnw -q ${MAVEN_OFFLINE:+-o} "${repo_opt[@]}" -Pbenchmark -DskipTests install
fi
args=("$@")
if [[ " $* " == *" --quick "* && " $* " != *" --out "* ]]; then
  args+=(--out BENCHMARKS-quick.md)
fi
service_opts=()
[ -n "${BENCH_SERVICE_JVM_OPTS:-}" ] && service_opts=("-Dbench.service-jvm-options=$BENCH_SERVICE_JVM_OPTS")
exec java -Xmx3g ${BENCH_JAVA_OPTS:-} ${service_opts[@]+"${service_opts[@]}"} -Dbench.root="$PWD" -Daxoniq.update-checker.disabled=true \
  -cp "benchmark/target/classes:$(cat benchmark/target/classpath.txt)" \
  org.actionlearning.benchmark.BenchmarkMain "${args[@]}"
