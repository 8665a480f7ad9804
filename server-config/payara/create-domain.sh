#!/usr/bin/env bash
# Creates a Payara Server domain that listens on loopback only, ready for configure-domain.sh.
#
# Environment: ASADMIN (path to asadmin), DOMAIN_DIR, DOMAIN_NAME, ADMIN_PORT, HTTP_PORT,
# ADMIN_PASSWORD_FILE (a file with AS_ADMIN_PASSWORD=...), JDBC_DRIVER (the PostgreSQL driver jar),
# SERVER_LIB (the folder of Mensageria's own server library, server-config/target/server-lib).
# The domain's other listeners take the ports just above ADMIN_PORT.
set -euo pipefail

"$ASADMIN" --user admin --passwordfile "$ADMIN_PASSWORD_FILE" create-domain \
  --domaindir "$DOMAIN_DIR" \
  --adminport "$ADMIN_PORT" \
  --instanceport "$HTTP_PORT" \
  --domainproperties "http.ssl.port=$((ADMIN_PORT + 1)):java.debugger.port=$((ADMIN_PORT + 2)):jms.port=$((ADMIN_PORT + 3)):domain.jmxPort=$((ADMIN_PORT + 4)):orb.listener.port=$((ADMIN_PORT + 5)):orb.ssl.port=$((ADMIN_PORT + 6)):orb.mutualauth.port=$((ADMIN_PORT + 7)):osgi.shell.telnet.port=$((ADMIN_PORT + 8))" \
  "$DOMAIN_NAME"

domain_xml="$DOMAIN_DIR/$DOMAIN_NAME/config/domain.xml"
# Before the first start, so that nothing ever listens beyond loopback:
# - every listener that names 0.0.0.0, or no address at all, gets 127.0.0.1;
# - the Hazelcast data grid (clustering, not used by one domain) is switched off;
# - OpenMQ is disabled (the broker is ActiveMQ): as configure-domain.sh does for an existing domain,
#   but here before it could ever start and bind 0.0.0.0;
# - the JSON-P provider is named (as configure-domain.sh does for an existing domain), and Flight
#   Recorder keeps 256 frames a stack (Payara's run deeper than the default 64), so that a recording
#   (`./mensageria bench --profile`) shows who called what; it costs nothing until one starts;
# - 32 HTTP worker threads instead of 5 (as configure-domain.sh sets for an existing domain).
sed -i \
  -e 's/address="0\.0\.0\.0"/address="127.0.0.1"/g' \
  -e '/<network-listener /{/address=/!s/<network-listener /<network-listener address="127.0.0.1" /}' \
  -e 's/<thread-pool name="http-thread-pool"/& max-thread-pool-size="32"/' \
  -e 's/<hazelcast-runtime-configuration/<hazelcast-runtime-configuration enabled="false"/' \
  -e 's/<hazelcast-config-specific-configuration\([ >]\)/<hazelcast-config-specific-configuration enabled="false"\1/' \
  -e '0,/<jvm-options>-Xmx512m<\/jvm-options>/s//&<jvm-options>-Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl<\/jvm-options><jvm-options>-XX:FlightRecorderOptions:stackdepth=256<\/jvm-options>/' \
  -e "/<config name=\"server-config\">/a <jms-service default-jms-host=\"default_JMS_host\" type=\"DISABLED\"><jms-host name=\"default_JMS_host\" host=\"127.0.0.1\" port=\"$((ADMIN_PORT + 3))\"></jms-host></jms-service>" \
  "$domain_xml"

# The JDBC driver and Mensageria's Fault Tolerance timer are server libraries, as
# `asadmin add-library --type common` would place them.
cp "$JDBC_DRIVER" "$SERVER_LIB"/*.jar "$DOMAIN_DIR/$DOMAIN_NAME/lib/"
