#!/usr/bin/env bash
# Creates Mensageria's server resources in a running Payara Server 6 domain: the PostgreSQL pool,
# the ActiveMQ resource adapter and its connection factory. Works on any domain, ours or yours:
#
#   ASADMIN=/opt/payara6/bin/asadmin ADMIN_HOST=127.0.0.1 ADMIN_PORT=4848 ADMIN_PASSWORD_FILE=pw.txt \
#   BROKER_URL=tcp://127.0.0.1:61616 BROKER_USER=mensageria BROKER_PASSWORD=... \
#   ACTIVEMQ_RAR=server-config/target/activemq-rar.rar server-config/payara/configure-domain.sh
#
# The database is read from the environment of the server process (start it with MENSAGERIA_DB_URL,
# MENSAGERIA_DB_USER and MENSAGERIA_DB_PASSWORD set), so no database secret is written here.
# Quick redeliveries (DESIGN.md, "Delivery guarantees") come from MENSAGERIA_RETRY_ATTEMPTS,
# MENSAGERIA_RETRY_INITIAL_DELAY_MS and MENSAGERIA_RETRY_BACKOFF; the broker does the delayed rounds.
# Run each command on its own: `asadmin multimode` strips the \: escapes of the broker URL.
set -euo pipefail

asadmin() {
  "$ASADMIN" --host "${ADMIN_HOST:-127.0.0.1}" --port "$ADMIN_PORT" --user "${ADMIN_USER:-admin}" \
    --passwordfile "$ADMIN_PASSWORD_FILE" --interactive=false "$@"
}
# asadmin --property separates with ':' and '='; both must be escaped inside a value.
escape() { sed -e 's/\\/\\\\/g' -e 's/:/\\:/g' -e 's/=/\\=/g' <<<"$1"; }

# The broker is ActiveMQ. Payara's own OpenMQ would start, bound to 0.0.0.0 (takes effect at the next
# restart of an existing domain; create-domain.sh disables it before the first start).
asadmin set configs.config.server-config.jms-service.type=DISABLED

# After a crash, the transaction manager finishes what it had prepared (the broker's XA branches of
# in-flight message deliveries) as soon as the server is back; without it they stay locked.
asadmin set configs.config.server-config.transaction-service.automatic-recovery=true

# PostgreSQL: one non-XA pool. The event log makes two-phase commit needless: JMS is the only XA
# resource in a transaction, and the database commits last (last-agent optimisation).
asadmin create-jdbc-connection-pool \
  --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource \
  --steadypoolsize 2 --maxpoolsize 32 \
  --isconnectvalidatereq true --validationmethod custom-validation \
  --validationclassname org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation \
  --failconnection true \
  --property 'user=${ENV=MENSAGERIA_DB_USER}:password=${ENV=MENSAGERIA_DB_PASSWORD}:stringType=unspecified' \
  mensageria-pool
asadmin set 'resources.jdbc-connection-pool.mensageria-pool.property.url=${ENV=MENSAGERIA_DB_URL}'
asadmin create-jdbc-resource --connectionpoolid mensageria-pool jdbc/mensageria

# ActiveMQ: the adapter's settings apply to every message-driven bean that names no policy of its own.
asadmin create-resource-adapter-config --property "$(printf '%s' \
  "ServerUrl=$(escape "$BROKER_URL")" \
  ":UserName=$(escape "$BROKER_USER")" \
  ":Password=$(escape "$BROKER_PASSWORD")" \
  ":MaximumRedeliveries=${MENSAGERIA_RETRY_ATTEMPTS:-3}" \
  ":InitialRedeliveryDelay=${MENSAGERIA_RETRY_INITIAL_DELAY_MS:-1000}" \
  ":RedeliveryUseExponentialBackOff=true" \
  ":RedeliveryBackOffMultiplier=${MENSAGERIA_RETRY_BACKOFF:-2}")" \
  activemq-rar
asadmin deploy --type rar --name activemq-rar "$ACTIVEMQ_RAR"
asadmin create-connector-connection-pool --raname activemq-rar \
  --connectiondefinition jakarta.jms.ConnectionFactory --transactionsupport XATransaction \
  --ping false --steadypoolsize 1 --maxpoolsize 32 \
  jms/mensageria-pool
asadmin create-connector-resource --poolname jms/mensageria-pool jms/mensageria
