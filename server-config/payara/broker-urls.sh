# Sourced by configure-adapter.sh and by the launcher (Payara Micro instances): from BROKER_URL, the
# URL the resource adapter receives on and the one the connection factory sends on.
#
# Receiving (the message-driven beans) goes through failover even from one broker: a lost connection
# then heals inside the client. On plain tcp the adapter tears its sessions down under running
# deliveries, leaving their transactions on the worker threads, and every later delivery there fails.
# Sending (the relay), health probes and queue statistics go through the connection factory, which
# must fail at once while no broker answers, so it keeps plain tcp: a failover transport that waits for
# a broker blocks every session, consumer or temporary queue asked of it (holding the relay's threads,
# hanging /health), and one that gives up leaves the pool a dead connection it never replaces.
# A failover URL of your own (a broker pair) is used for both as it is.
case $BROKER_URL in
  failover:*) BROKER_RECEIVE_URL=$BROKER_URL ;;
  *) BROKER_RECEIVE_URL="failover:($BROKER_URL)?maxReconnectDelay=2000" ;;
esac
BROKER_SEND_URL=$BROKER_URL
