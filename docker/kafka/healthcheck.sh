#!/usr/bin/env bash
# docker-compose's health check of the broker: answers the super user on the broker's own listener (SASL/PLAIN).
set -euo pipefail
umask 077
config="$(mktemp)"
trap 'rm -f "$config"' EXIT
printf '%s\n' "security.protocol=SASL_PLAINTEXT" "sasl.mechanism=PLAIN" \
  "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\"${BROKER_ADMIN_PASSWORD:?}\";" \
  > "$config"
/opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server localhost:9094 --command-config "$config" >/dev/null 2>&1
