#!/usr/bin/env bash
# Creates the second PostgreSQL pool, jdbc/mensageria-owner, in a running Payara Server 6 domain: the
# schema owner's connections, which only the Flyway migrations at deployment use (SchemaMigration). The
# application's own pool connects as a role that may read and write rows but create or alter nothing.
# Its user and password are read from the server's environment (MENSAGERIA_DB_OWNER_USER,
# MENSAGERIA_DB_OWNER_PASSWORD). configure-domain.sh runs it; it does nothing where the pool exists.
#
#   ASADMIN=/opt/payara6/bin/asadmin ADMIN_PORT=4848 ADMIN_PASSWORD_FILE=pw.txt \
#   server-config/payara/configure-owner-pool.sh
set -euo pipefail

asadmin() {
  "$ASADMIN" --host "${ADMIN_HOST:-127.0.0.1}" --port "$ADMIN_PORT" --user "${ADMIN_USER:-admin}" \
    --passwordfile "$ADMIN_PASSWORD_FILE" --interactive=false "$@"
}

if asadmin list-jdbc-resources | grep -qx 'jdbc/mensageria-owner'; then
  exit 0
fi
# Migrations run once at deployment: a small pool that holds no connection in between.
asadmin create-jdbc-connection-pool \
  --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource \
  --steadypoolsize 0 --maxpoolsize 2 --idletimeout 60 \
  --property 'user=${ENV=MENSAGERIA_DB_OWNER_USER}:password=${ENV=MENSAGERIA_DB_OWNER_PASSWORD}:stringType=unspecified' \
  mensageria-owner-pool
asadmin set 'resources.jdbc-connection-pool.mensageria-owner-pool.property.url=${ENV=MENSAGERIA_DB_URL}'
asadmin create-jdbc-resource --connectionpoolid mensageria-owner-pool jdbc/mensageria-owner
