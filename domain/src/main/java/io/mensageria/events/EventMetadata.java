package io.mensageria.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What travels beside an event's payload: as JMS string properties on the wire, as columns in the
 * event log. The property names are a contract with every consumer; JMS needs them to be Java
 * identifiers.
 *
 * @param traceparent the W3C trace context of the code that emitted the event; null when none was active
 * @param causationId the event being handled when this one was emitted; null for events born from a request
 */
public record EventMetadata(
        UUID eventId,
        String eventType,
        int eventVersion,
        Instant occurredAt,
        String producer,
        String traceparent,
        UUID causationId) {

    public static final String EVENT_ID = "eventId";
    public static final String EVENT_TYPE = "eventType";
    public static final String EVENT_VERSION = "eventVersion";
    public static final String OCCURRED_AT = "occurredAt";
    public static final String PRODUCER = "producer";
    public static final String TRACEPARENT = "traceparent";
    public static final String CAUSATION_ID = "causationId";

    public EventMetadata {
        Objects.requireNonNull(eventId, EVENT_ID);
        Objects.requireNonNull(eventType, EVENT_TYPE);
        Objects.requireNonNull(occurredAt, OCCURRED_AT);
        Objects.requireNonNull(producer, PRODUCER);
        if (eventVersion < 1) {
            throw new IllegalArgumentException("eventVersion must be 1 or more: " + eventVersion);
        }
    }

    /** The virtual topic every event of this type is published to. */
    public String topic() {
        return "VirtualTopic." + eventType;
    }
}
