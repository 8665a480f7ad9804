/**
 * The event log: the outbox every service appends its events to in its own transaction
 * ({@code EventLog}), the relay that publishes them after commit and the sweeper that republishes what
 * it missed, and the event store behind {@code GET /ops/events} and {@code POST /ops/replay}. Owns
 * {@code platform.event_log}.
 */
package io.mensageria.eventlog;
