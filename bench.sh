#!/usr/bin/env bash
# The benchmark of issue 6 (see bench/README.md): the bare Camunda engine, campaign launches, task completion
# through the public API, event to task at 50/200/1,000 events/s, the whole member lifecycle with e-mails, and the
# same on two evaluation-service nodes — in one run on one database; prints a table and writes
# bench/results/bench-<date>-<time>.csv. Needs only a JDK 17 and Maven (embedded PostgreSQL, Kafka and SMTP).
# Not part of `mvn verify`.
#
#   ./bench.sh                          build, then everything with 1,000 and 10,000 members (see bench/README.md
#                                       for the run time measured on 2 cores)
#   ./bench.sh --members 1000           a quick run
#   ./bench.sh --full                   also 100,000 members
#   ./bench.sh --jdbc-url jdbc:postgresql://127.0.0.1:5432/postgres --jdbc-user postgres
#   SKIP_BUILD=1 ./bench.sh ...         run what was built last time
#   ./bench.sh --help
set -euo pipefail
cd "$(dirname "$0")"

if [[ "${SKIP_BUILD:-}" != "1" ]]; then
  echo "Building (mvn -B -q -DskipTests install)..."
  mvn -B -q -DskipTests install
fi

jars=(bench/target/bench-*-exec.jar)
jar="${jars[0]}"
if [[ ! -f "$jar" ]]; then
  echo "No bench/target/bench-*-exec.jar: run without SKIP_BUILD=1 (or mvn -DskipTests install) first." >&2
  exit 1
fi
exec java -Dfile.encoding=UTF-8 -jar "$jar" "$@"
