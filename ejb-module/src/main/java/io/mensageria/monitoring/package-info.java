/**
 * Monitoring: the readiness checks on {@code /health} (database, broker, relay) and the platform's
 * gauges on {@code /metrics} (queue depths from the broker's statistics plugin, relay backlog, pending
 * dead letters, dropped log lines and spans). Reads the other components through their boundaries; owns
 * no table.
 */
package io.mensageria.monitoring;
