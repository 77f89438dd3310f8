#!/usr/bin/env bash
# Runs the whole system on this machine with only a JDK 17 and Maven: embedded PostgreSQL, Kafka (KRaft) and
# SMTP, evaluation-service with demo data, notification-service. Ctrl-C stops everything.
#
#   ./run-local.sh                 build, then start (options: ./run-local.sh --help)
#   SKIP_BUILD=1 ./run-local.sh    start what was built last time
set -euo pipefail
cd "$(dirname "$0")"

# --help prints the options at once: no build for it (an outsider waited for a whole build, 2026-12-07)
for arg in "$@"; do
  if [[ "$arg" == "--help" || "$arg" == "-h" ]] && [[ -f local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar ]]; then
    SKIP_BUILD=1
  fi
done

if [[ "${SKIP_BUILD:-}" != "1" ]]; then
  echo "Đang build / Building (mvn -DskipTests install)..."
  mvn -B -q -DskipTests install
fi

exec java -Dfile.encoding=UTF-8 -jar local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar "$@"
