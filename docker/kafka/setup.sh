#!/usr/bin/env bash
# docker-compose's one-shot service kafka-setup (issue 12): once the broker answers, creates the topics of
# topics.txt, a SCRAM-SHA-512 principal for every name in acls.txt (password from the environment, which
# docker-compose fills from .env) and the ACLs of acls.txt. Speaks to the broker as the super user "admin" (SASL/PLAIN,
# the broker's own listener kafka:9094, not published on the host). Safe to run again: every step is idempotent.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${KAFKA_BIN:-/opt/kafka/bin}"
bootstrap="${BROKER_ADMIN_BOOTSTRAP:-kafka:9094}"
partitions="${TOPIC_PARTITIONS:-3}"

umask 077
admin="$(mktemp)"
trap 'rm -f "$admin"' EXIT
printf '%s\n' "security.protocol=SASL_PLAINTEXT" "sasl.mechanism=PLAIN" \
  "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\"${BROKER_ADMIN_PASSWORD:?BROKER_ADMIN_PASSWORD is not set}\";" \
  > "$admin"

lines() { grep -v '^[[:space:]]*#' "$1" | grep -v '^[[:space:]]*$'; }

for attempt in $(seq 1 60); do
  if "$bin/kafka-broker-api-versions.sh" --bootstrap-server "$bootstrap" --command-config "$admin" >/dev/null 2>&1; then
    break
  fi
  [[ $attempt == 60 ]] && { echo "kafka-setup: the broker at $bootstrap does not answer" >&2; exit 1; }
  sleep 2
done

while read -r topic; do
  "$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --create --if-not-exists \
    --topic "$topic" --partitions "$partitions" --replication-factor 1 </dev/null
done < <(lines "$here/topics.txt")

for principal in $(lines "$here/acls.txt" | awk '{print $1}' | sort -u); do
  variable="KAFKA_$(tr 'a-z-' 'A-Z_' <<<"$principal")_PASSWORD"
  given="${!variable:-}"
  [[ -n "$given" ]] || { echo "kafka-setup: $variable is not set (see .env.example)" >&2; exit 1; }
  "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --alter --entity-type users \
    --entity-name "$principal" --add-config "SCRAM-SHA-512=[iterations=8192,password=$given]" </dev/null >/dev/null
  echo "kafka-setup: principal $principal"
done

while read -r principal what topic group; do
  pattern=literal
  if [[ "$topic" == *'*' ]]; then
    pattern=prefixed
    topic="${topic%\*}"
  fi
  case "$what" in
    produce) role=(--producer --idempotent) ;;
    consume) role=(--consumer --group "${group:?consume needs a group: $principal $topic}") ;;
    *) echo "kafka-setup: unknown permission '$what' in acls.txt" >&2; exit 1 ;;
  esac
  "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --add \
    --allow-principal "User:$principal" "${role[@]}" --topic "$topic" --resource-pattern-type "$pattern" </dev/null >/dev/null
  echo "kafka-setup: $principal may $what $topic ($pattern)"
done < <(lines "$here/acls.txt")
echo "kafka-setup: done"
