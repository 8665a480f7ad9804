#!/usr/bin/env bash
# Sets the ActiveMQ resource adapter's settings in a running Payara Server 6 domain: the broker URL
# (one for receiving, one for sending, both made from BROKER_URL below) and user, and the quick
# redeliveries that apply to every message-driven bean naming no policy of its own
# (MENSAGERIA_RETRY_ATTEMPTS, MENSAGERIA_RETRY_INITIAL_DELAY_MS, MENSAGERIA_RETRY_BACKOFF; the broker
# does the delayed rounds). configure-domain.sh runs it; run it again, then restart the domain, to
# change them:
#
#   ASADMIN=/opt/payara6/bin/asadmin ADMIN_PORT=4848 ADMIN_PASSWORD_FILE=pw.txt \
#   BROKER_URL='failover:(tcp://a:61616,tcp://b:61616)' BROKER_USER=mensageria BROKER_PASSWORD=... \
#   server-config/payara/configure-adapter.sh
#
# Dotted-name `set` takes the URL as it is: no escaping of its colons, unlike `--property`.
set -euo pipefail

asadmin() {
  "$ASADMIN" --host "${ADMIN_HOST:-127.0.0.1}" --port "$ADMIN_PORT" --user "${ADMIN_USER:-admin}" \
    --passwordfile "$ADMIN_PASSWORD_FILE" --interactive=false "$@"
}

# Receiving (the message-driven beans) goes through failover even from one broker: a lost connection
# then heals inside the client. On plain tcp the adapter tears its sessions down under running
# deliveries, leaving their transactions on the worker threads, and every later delivery there fails.
# Sending (the relay), health probes and queue statistics go through the connection factory, which
# must fail at once while no broker answers, so it keeps plain tcp: a failover transport that waits for
# a broker blocks every session, consumer or temporary queue asked of it (holding the relay's threads,
# hanging /health), and one that gives up leaves the pool a dead connection it never replaces.
# A failover URL of your own (a broker pair) is used for both as it is.
case $BROKER_URL in
  failover:*) receive_url=$BROKER_URL ;;
  *) receive_url="failover:($BROKER_URL)?maxReconnectDelay=2000" ;;
esac
send_url=$BROKER_URL

adapter=resources.resource-adapter-config.activemq-rar.property
asadmin set "$adapter.ServerUrl=$receive_url"
asadmin set "$adapter.UserName=$BROKER_USER"
asadmin set "$adapter.Password=$BROKER_PASSWORD"
asadmin set "$adapter.MaximumRedeliveries=${MENSAGERIA_RETRY_ATTEMPTS:-3}"
asadmin set "$adapter.InitialRedeliveryDelay=${MENSAGERIA_RETRY_INITIAL_DELAY_MS:-1000}"
asadmin set "$adapter.RedeliveryUseExponentialBackOff=true"
asadmin set "$adapter.RedeliveryBackOffMultiplier=${MENSAGERIA_RETRY_BACKOFF:-2}"
# The connection factory exists once the adapter is deployed (configure-domain.sh runs this again then).
pool=resources.connector-connection-pool.jms/mensageria-pool
if asadmin get "$pool.name" >/dev/null 2>&1; then
  asadmin set "$pool.property.ServerUrl=$send_url"
fi
