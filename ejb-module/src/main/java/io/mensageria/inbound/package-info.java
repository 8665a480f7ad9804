/**
 * Inbound delivery: what every message-driven bean calls ({@code Inbound}). Reads the envelope,
 * continues the emitter's trace, skips an event its consumer already processed, records each failed
 * attempt with its real error, and refuses unreadable messages. Owns {@code platform.inbox} (the
 * processed marks) and {@code platform.delivery_failures}.
 */
package io.mensageria.inbound;
