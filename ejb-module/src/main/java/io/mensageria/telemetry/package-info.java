/**
 * Tracing and the central log: the W3C trace context across the broker ({@code TraceContext}), the
 * event being handled on a thread ({@code CurrentEvent}), the log handler and span exporter that feed
 * a bounded buffer, the batched writer and retention, and the reads behind {@code /ops/traces}. Owns
 * {@code platform.log_entries} and {@code platform.spans}.
 */
package io.mensageria.telemetry;
