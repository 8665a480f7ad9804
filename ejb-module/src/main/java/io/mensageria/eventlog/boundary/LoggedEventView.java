package io.mensageria.eventlog.boundary;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** One event of the log as operators see it, with each subscribed consumer's state. */
public record LoggedEventView(
        long position,
        UUID eventId,
        String eventType,
        OffsetDateTime occurredAt,
        String traceId,
        UUID causationId,
        String producer,
        String payload,
        OffsetDateTime publishedAt,
        Map<String, ConsumerState> consumers) {}
