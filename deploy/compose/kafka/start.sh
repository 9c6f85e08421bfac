#!/bin/bash
# Starts the compose broker (single-node KRaft) from server.properties: clients connect over
# SASL_SSL with SCRAM-SHA-512, one user per service. The users and their passwords (secrets/kafka.env)
# are written into the metadata when the log directory is formatted, on the first start.
set -euo pipefail
: "${KAFKA_CLUSTER_ID:?set in compose.yaml}"
PROPS=/tmp/server.properties
KEYSTORE_PASSWORD=$(cat /certs/keystore.password)
sed "s|@KEYSTORE_PASSWORD@|${KEYSTORE_PASSWORD}|g" /etc/waarom-kafka/server.properties > "$PROPS"
chmod 600 "$PROPS"
if [ ! -f /var/lib/kafka/data/meta.properties ]; then
  scram=()
  for user in gateway analyzer sink connect; do
    var="KAFKA_PASSWORD_${user^^}"
    password="${!var:-}"
    if [ -z "$password" ] || [ "$password" = "REPLACE-ME" ]; then
      echo "set $var in secrets/kafka.env" >&2
      exit 1
    fi
    scram+=(--add-scram "SCRAM-SHA-512=[name=waarom-${user},password=${password}]")
  done
  /opt/kafka/bin/kafka-storage.sh format --cluster-id "$KAFKA_CLUSTER_ID" --config "$PROPS" \
    "${scram[@]}"
fi
exec /opt/kafka/bin/kafka-server-start.sh "$PROPS"
