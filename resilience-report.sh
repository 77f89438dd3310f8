#!/usr/bin/env bash
# Runs the fault, abuse and authorization tests (including the slow "resilience" profile) and prints the
# figures they wrote to */target/figures/*.properties: faults injected and survived, bad inputs tried and how
# they were answered, events lost and duplicated, authorization cases checked and wrong grants.
set -uo pipefail
cd "$(dirname "$0")"

if [ "${SKIP_TESTS:-0}" != "1" ]; then
  rm -rf ./*/target/figures
  mvn -B verify -Presilience
  status=$?
else
  status=0
fi

files=$(ls ./*/target/figures/*.properties 2>/dev/null)
if [ -z "$files" ]; then
  echo "no figures found (did the tests run?)" >&2
  exit 1
fi

echo
echo "== Resilience figures ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores) =="
# sum each key over all test classes; print per key, then the verdict on the keys that must be zero
totals=$(cat $files | grep -E '^[a-zA-Z0-9_.]+=[0-9]+$' \
  | awk -F= '{ sum[$1] += $2 } END { for (k in sum) print k "=" sum[k] }' | sort)
echo "$totals" | awk -F= '{ printf "  %-40s %d\n", $1, $2 }'
value() { echo "$totals" | awk -F= -v k="$1" '$1 == k { print $2 }'; }

verdict=0
for key in events.lost events.duplicated authz.wrongGrants badInputs.answered5xx badInputs.halfWritten; do
  v=$(value "$key")
  if [ -n "$v" ] && [ "$v" -gt 0 ]; then echo "  MUST BE 0: $key = $v"; verdict=1; fi
done
injected=$(value faults.injected); survived=$(value faults.survived)
if [ -n "$injected" ] && [ "${survived:-0}" -lt "$injected" ]; then
  echo "  NOT SURVIVED: $((injected - ${survived:-0})) of $injected faults"; verdict=1
fi
[ $status -eq 0 ] && [ $verdict -eq 0 ]
