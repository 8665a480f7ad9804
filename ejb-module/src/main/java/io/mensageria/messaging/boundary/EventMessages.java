package io.mensageria.messaging.boundary;

import io.mensageria.events.EventMetadata;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.UUID;

/** Maps {@link EventMetadata} to and from JMS message properties (names fixed by the event contract: eventId, eventType, ...). */
public final class EventMessages {

    /** On an operator's corrected copy of a dead letter: the event id of the original it replaces. */
    public static final String EDITED_FROM = "editedFrom";

    private EventMessages() {}

    public static void write(EventMetadata metadata, Message message) throws JMSException {
        message.setStringProperty(EventMetadata.EVENT_ID, metadata.eventId().toString());
        message.setStringProperty(EventMetadata.EVENT_TYPE, metadata.eventType());
        message.setStringProperty(EventMetadata.EVENT_VERSION, Integer.toString(metadata.eventVersion()));
        message.setStringProperty(
                EventMetadata.OCCURRED_AT, metadata.occurredAt().toString());
        message.setStringProperty(EventMetadata.PRODUCER, metadata.producer());
        if (metadata.traceparent() != null) {
            message.setStringProperty(EventMetadata.TRACEPARENT, metadata.traceparent());
        }
        if (metadata.causationId() != null) {
            message.setStringProperty(
                    EventMetadata.CAUSATION_ID, metadata.causationId().toString());
        }
    }

    /** Reads an event's metadata; a message without valid metadata can never be processed. */
    public static EventMetadata metadataOf(Message message) throws JMSException {
        try {
            String causation = message.getStringProperty(EventMetadata.CAUSATION_ID);
            return new EventMetadata(
                    UUID.fromString(required(message, EventMetadata.EVENT_ID)),
                    required(message, EventMetadata.EVENT_TYPE),
                    Integer.parseInt(required(message, EventMetadata.EVENT_VERSION)),
                    Instant.parse(required(message, EventMetadata.OCCURRED_AT)),
                    required(message, EventMetadata.PRODUCER),
                    message.getStringProperty(EventMetadata.TRACEPARENT),
                    causation == null ? null : UUID.fromString(causation));
        } catch (IllegalArgumentException | DateTimeParseException | NullPointerException e) {
            throw new UnreadableMessage("Bad event metadata: " + e.getMessage(), e);
        }
    }

    /** The original an edited copy replaces, or null on any other message. */
    public static UUID editedFrom(Message message) throws JMSException {
        String original = message.getStringProperty(EDITED_FROM);
        try {
            return original == null ? null : UUID.fromString(original);
        } catch (IllegalArgumentException e) {
            throw new UnreadableMessage("Bad " + EDITED_FROM + ": " + original, e);
        }
    }

    public static String payloadOf(Message message) throws JMSException {
        if (message instanceof TextMessage text && text.getText() != null) {
            return text.getText();
        }
        throw new UnreadableMessage(
                "Not a text message with a JSON payload: " + message.getClass().getSimpleName(), null);
    }

    /**
     * Whether a property is the broker's bookkeeping (JMS headers, delayed rounds, dead-lettering)
     * rather than part of the event's message: a copy sent again leaves it behind and starts afresh.
     */
    public static boolean isBrokerProperty(String name) {
        return name.startsWith("JMS")
                || name.startsWith("AMQ_")
                || name.startsWith("dlq")
                || name.startsWith("scheduled")
                || name.equals("redeliveryDelay");
    }

    /** A delivered event message made anew in this session: its payload and its own string properties. */
    public static TextMessage copy(Session session, Message message) throws JMSException {
        TextMessage copy = session.createTextMessage(payloadOf(message));
        for (Object name : Collections.list(message.getPropertyNames())) {
            String property = (String) name;
            if (!isBrokerProperty(property) && message.getObjectProperty(property) instanceof String value) {
                copy.setStringProperty(property, value);
            }
        }
        return copy;
    }

    private static String required(Message message, String property) throws JMSException {
        String value = message.getStringProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing property " + property);
        }
        return value;
    }
}
