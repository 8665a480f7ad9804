#!/usr/bin/env bash
# Creates Mensageria's server resources in a running Payara Server 6 domain: the PostgreSQL pool,
# the ActiveMQ resource adapter and its connection factory. Works on any domain, ours or yours:
#
#   ASADMIN=/opt/payara6/bin/asadmin ADMIN_HOST=127.0.0.1 ADMIN_PORT=4848 ADMIN_PASSWORD_FILE=pw.txt \
#   BROKER_URL=tcp://127.0.0.1:61616 BROKER_USER=mensageria \
#   ACTIVEMQ_RAR=server-config/target/activemq-rar.rar server-config/payara/configure-domain.sh
#
# The domain's lib/ needs the JDBC driver and the jar of server-config/target/server-lib (create-domain.sh
# puts both there). The database is read from the environment of the server process (start it with
# MENSAGERIA_DB_URL, MENSAGERIA_DB_USER and MENSAGERIA_DB_PASSWORD set, and MENSAGERIA_DB_OWNER_USER and
# MENSAGERIA_DB_OWNER_PASSWORD for the migrations), and so is the broker's password
# (MENSAGERIA_BROKER_PASSWORD): no secret is written here. Restart the
# domain once after this script: Fault Tolerance reads its timer's name at start.
# The adapter's settings (broker URL, user, quick redeliveries) are set by configure-adapter.sh.
# Each command runs on its own: `asadmin multimode` would strip the escapes some values need.
set -euo pipefail

asadmin() {
  "$ASADMIN" --host "${ADMIN_HOST:-127.0.0.1}" --port "$ADMIN_PORT" --user "${ADMIN_USER:-admin}" \
    --passwordfile "$ADMIN_PASSWORD_FILE" --interactive=false "$@"
}

# The broker is ActiveMQ. Payara's own OpenMQ would start, bound to 0.0.0.0 (takes effect at the next
# restart of an existing domain; create-domain.sh disables it before the first start).
asadmin set configs.config.server-config.jms-service.type=DISABLED

# After a crash, the transaction manager finishes what it had prepared (the broker's XA branches of
# in-flight message deliveries) as soon as the server is back; without it they stay locked.
asadmin set configs.config.server-config.transaction-service.automatic-recovery=true

# HTTP worker threads: Payara Server's default is 5 (Payara Micro's 200). Each request holds one while it
# waits for the database, and a password hash waits its turn for a core (HashingSlots) on one, so five
# would queue every other request behind a few sign-ins; as many as the database pool has connections.
asadmin set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=32

# JSON-P finds its provider by a service-loader scan of the application's class loaders on every
# Json.createReader unless the provider is named; MicroProfile JWT parses each bearer token so, and the
# scan was 12% of the server's CPU under load (BENCHMARKS.md). Takes effect at the next restart.
json_provider=-Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl
asadmin list-jvm-options | grep -qxF -- "$json_provider" || asadmin create-jvm-options -- "$json_provider"

# Fault Tolerance's timer (a @Timeout's interrupt of a call that ran over, a circuit's half-open) is by
# default the managed scheduled executor, which captures the caller's context for each task: on Payara 6
# a scan of the application's class loaders, 7.6% of the server's CPU under load for the gateway call's
# @Timeout (BENCHMARKS.md). These tasks need no context: a plain timer from the server library
# (io.mensageria.server.FaultToleranceTimer, which create-domain.sh puts in the domain's lib/). Takes
# effect at the next restart: Fault Tolerance looks its timer up once, when the server starts.
asadmin create-custom-resource --restype jakarta.enterprise.concurrent.ManagedScheduledExecutorService \
  --factoryclass io.mensageria.server.FaultToleranceTimerFactory concurrent/mensageria-fault-tolerance-timer
asadmin set-fault-tolerance-configuration \
  --managedscheduledexecutorservicename concurrent/mensageria-fault-tolerance-timer

# A rejected bearer token is the client's mistake, answered 401 and counted; Payara logs each one with a
# stack trace at INFO, which would let anyone flood server.log.
asadmin set-log-levels fish.payara.microprofile.jwtauth.eesecurity.SignedJWTIdentityStore=WARNING

# Payara's console handler formats every log line a second time for the server's standard error, which
# a domain started in the background hands to no reader; server.log and the central log have every
# line. 2 % of the server's CPU under load (BENCHMARKS.md). Set it back to INFO to read the log on the
# console of `asadmin start-domain --verbose`. Payara rejects OFF as a level it does not know, hence
# --validate=false; the running server applies it at once.
asadmin set-log-attributes --validate=false java.util.logging.ConsoleHandler.level=OFF

# PostgreSQL: one non-XA pool. The event log makes two-phase commit needless: nothing sends to the
# broker inside a database transaction, and a consumer commits its work in a transaction of its own
# before the adapter acknowledges the message (AdapterDelivery): a crash between the two redelivers
# the message, which the consumer's inbox then skips. The dead-letter drain alone keeps an XA delivery,
# with the database as its last agent.
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
"$(dirname "$0")/configure-owner-pool.sh"

# ActiveMQ: the adapter's configuration exists before the adapter is deployed, so that it starts with it.
asadmin create-resource-adapter-config activemq-rar
"$(dirname "$0")/configure-adapter.sh"
asadmin deploy --type rar --name activemq-rar "$ACTIVEMQ_RAR"
asadmin create-connector-connection-pool --raname activemq-rar \
  --connectiondefinition jakarta.jms.ConnectionFactory --transactionsupport XATransaction \
  --ping false --steadypoolsize 1 --maxpoolsize 32 \
  jms/mensageria-pool
"$(dirname "$0")/configure-adapter.sh" # again, for the pool's own broker URL (sending fails fast)
asadmin create-connector-resource --poolname jms/mensageria-pool jms/mensageria
