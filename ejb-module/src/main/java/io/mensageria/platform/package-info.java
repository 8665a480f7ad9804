/**
 * The platform: what every service stands on. Owns the event log (outbox and event store, published
 * by the relay), the inbox of processed events (effect-once consumers), the schema migrations and the
 * operators' views. Publishes nothing of its own and serves only the ops API.
 */
package io.mensageria.platform;
