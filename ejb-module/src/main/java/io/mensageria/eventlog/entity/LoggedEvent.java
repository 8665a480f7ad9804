package io.mensageria.eventlog.entity;

import io.mensageria.events.EventMetadata;
import io.mensageria.persistence.boundary.NullableUuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

/** One event in the event log: appended with the state change that caused it, published after commit. */
@Entity
@Table(name = "event_log", schema = "platform")
public class LoggedEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long position;

    @Column(name = "event_id", nullable = false, updatable = false)
    private UUID eventId;

    @Column(name = "event_type", nullable = false, updatable = false)
    private String eventType;

    @Column(name = "event_version", nullable = false, updatable = false)
    private int eventVersion;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private OffsetDateTime occurredAt;

    @Column(nullable = false, updatable = false)
    private String producer;

    @Column(updatable = false)
    private String traceparent;

    @Column(name = "trace_id", updatable = false)
    private String traceId;

    @Column(name = "causation_id", updatable = false)
    @Convert(converter = NullableUuidConverter.class)
    private UUID causationId;

    @Column(nullable = false, updatable = false)
    private String payload;

    @Column(name = "published_at")
    private OffsetDateTime publishedAt;

    protected LoggedEvent() {
        // for JPA
    }

    public LoggedEvent(EventMetadata metadata, String payload) {
        this.eventId = metadata.eventId();
        this.eventType = metadata.eventType();
        this.eventVersion = metadata.eventVersion();
        this.occurredAt = metadata.occurredAt().atOffset(ZoneOffset.UTC);
        this.producer = metadata.producer();
        this.traceparent = metadata.traceparent();
        this.traceId = traceIdOf(metadata.traceparent());
        this.causationId = metadata.causationId();
        this.payload = Objects.requireNonNull(payload, "payload");
    }

    /** The trace id inside a W3C traceparent ({@code version-traceid-spanid-flags}), kept apart to be searchable. */
    static String traceIdOf(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        String[] parts = traceparent.split("-");
        return parts.length == 4 && parts[1].length() == 32 ? parts[1] : null;
    }

    public EventMetadata metadata() {
        return new EventMetadata(
                eventId, eventType, eventVersion, occurredAt.toInstant(), producer, traceparent, causationId);
    }

    public void markPublished() {
        if (publishedAt == null) {
            publishedAt = OffsetDateTime.now(ZoneOffset.UTC);
        }
    }

    public Long position() {
        return position;
    }

    public UUID eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }

    public String traceId() {
        return traceId;
    }

    public String payload() {
        return payload;
    }

    public OffsetDateTime publishedAt() {
        return publishedAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LoggedEvent that && eventId.equals(that.eventId);
    }

    @Override
    public int hashCode() {
        return eventId.hashCode();
    }
}
