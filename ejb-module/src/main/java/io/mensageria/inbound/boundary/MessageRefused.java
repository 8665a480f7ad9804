package io.mensageria.inbound.boundary;

import jakarta.jms.Message;

/**
 * Fired, synchronously and inside the delivering transaction, for a message no retry can make readable.
 * The dead-letter component takes it in; the message is consumed with that record.
 */
public record MessageRefused(String consumer, Message message, String cause) {}
