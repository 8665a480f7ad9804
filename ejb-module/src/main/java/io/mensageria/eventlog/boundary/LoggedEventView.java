package io.mensageria.eventlog.boundary;

import io.mensageria.eventlog.entity.LoggedEvent;
import io.mensageria.persistence.boundary.JsonText;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** One event of the log as operators see it (GET /ops/events), with each subscribed consumer's state. */
public record LoggedEventView(
        long position,
        UUID eventId,
        String eventType,
        OffsetDateTime occurredAt,
        String traceId,
        UUID causationId,
        String producer,
        JsonValue payload,
        OffsetDateTime publishedAt,
        Map<String, ConsumerState> consumers) {

    static LoggedEventView of(LoggedEvent event, Map<String, ConsumerState> consumers) {
        var metadata = event.metadata();
        return new LoggedEventView(
                event.position(),
                event.eventId(),
                event.eventType(),
                event.occurredAt(),
                event.traceId(),
                metadata.causationId(),
                metadata.producer(),
                JsonText.of(event.payload()),
                event.publishedAt(),
                consumers);
    }
}
