#!/usr/bin/env bash
# Sets the ActiveMQ resource adapter's settings in a running Payara Server 6 domain: the broker URL
# (one for receiving, one for sending, both made from BROKER_URL below), user and password, and the quick
# redeliveries that apply to every message-driven bean naming no policy of its own
# (MENSAGERIA_RETRY_ATTEMPTS, MENSAGERIA_RETRY_INITIAL_DELAY_MS, MENSAGERIA_RETRY_BACKOFF; the broker
# does the delayed rounds). configure-domain.sh runs it; run it again, then restart the domain, to
# change them:
#
#   ASADMIN=/opt/payara6/bin/asadmin ADMIN_PORT=4848 ADMIN_PASSWORD_FILE=pw.txt \
#   BROKER_URL='failover:(tcp://a:61616,tcp://b:61616)' BROKER_USER=mensageria \
#   server-config/payara/configure-adapter.sh
#
# The password is not given here: the adapter reads it from the server process's environment
# (MENSAGERIA_BROKER_PASSWORD), as Payara Micro does, so it is neither on a command line nor in domain.xml.
#
# Dotted-name `set` takes the URL as it is: no escaping of its colons, unlike `--property`.
set -euo pipefail

asadmin() {
  "$ASADMIN" --host "${ADMIN_HOST:-127.0.0.1}" --port "$ADMIN_PORT" --user "${ADMIN_USER:-admin}" \
    --passwordfile "$ADMIN_PASSWORD_FILE" --interactive=false "$@"
}

# The two URLs, and why they differ: broker-urls.sh.
. "$(dirname "$0")/broker-urls.sh"

adapter=resources.resource-adapter-config.activemq-rar.property
asadmin set "$adapter.ServerUrl=$BROKER_RECEIVE_URL"
asadmin set "$adapter.UserName=$BROKER_USER"
asadmin set "$adapter.Password=\${ENV=MENSAGERIA_BROKER_PASSWORD}"
asadmin set "$adapter.MaximumRedeliveries=${MENSAGERIA_RETRY_ATTEMPTS:-3}"
asadmin set "$adapter.InitialRedeliveryDelay=${MENSAGERIA_RETRY_INITIAL_DELAY_MS:-1000}"
asadmin set "$adapter.RedeliveryUseExponentialBackOff=true"
asadmin set "$adapter.RedeliveryBackOffMultiplier=${MENSAGERIA_RETRY_BACKOFF:-2}"
# The connection factory exists once the adapter is deployed (configure-domain.sh runs this again then).
pool=resources.connector-connection-pool.jms/mensageria-pool
if asadmin get "$pool.name" >/dev/null 2>&1; then
  asadmin set "$pool.property.ServerUrl=$BROKER_SEND_URL"
fi
