package io.mensageria.inbound.control;

import io.mensageria.events.DomainEvent;
import io.mensageria.events.EventMetadata;
import io.mensageria.messaging.boundary.EventMessages;
import io.mensageria.messaging.boundary.UnreadableMessage;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.util.UUID;

/**
 * A delivered message read as its event: the metadata, the payload, whether this is a redelivery, and
 * the original event an operator's edited copy replaces (null on any other message).
 */
public record ReceivedMessage<E extends DomainEvent>(
        EventMetadata metadata, E event, boolean redelivered, UUID editedFrom) {

    private static final Jsonb JSON = JsonbBuilder.create();

    /** @throws UnreadableMessage when the metadata or the payload is not what the event type needs */
    public static <E extends DomainEvent> ReceivedMessage<E> read(Message message, Class<E> type) {
        try {
            return new ReceivedMessage<>(
                    EventMessages.metadataOf(message),
                    payloadOf(message, type),
                    message.getJMSRedelivered(),
                    EventMessages.editedFrom(message));
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    private static <E extends DomainEvent> E payloadOf(Message message, Class<E> type) throws JMSException {
        try {
            E event = JSON.fromJson(EventMessages.payloadOf(message), type);
            if (event == null) {
                throw new UnreadableMessage("Empty payload for " + type.getSimpleName(), null);
            }
            return event;
        } catch (JsonbException e) {
            throw new UnreadableMessage("Payload is not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
