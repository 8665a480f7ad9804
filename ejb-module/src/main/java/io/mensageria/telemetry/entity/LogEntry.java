package io.mensageria.telemetry.entity;

import io.mensageria.persistence.boundary.NullableUuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One line of the central log, as read back. Written only in JDBC batches by the central log (a log
 * line must never wait for an entity manager), so this mapping is never persisted.
 */
@Entity
@Table(name = "log_entries", schema = "platform")
public class LogEntry {

    @Id
    private Long id;

    @Column(name = "timestamp")
    private OffsetDateTime timestamp;

    private String service;
    /** The application instance that wrote it; none on rows from before instances were named. */
    private String instance;

    private String level;
    private String logger;
    private String message;

    @Column(name = "trace_id")
    private String traceId;

    @Column(name = "span_id")
    private String spanId;

    @Column(name = "event_id")
    @Convert(converter = NullableUuidConverter.class)
    private UUID eventId;

    protected LogEntry() {
        // for JPA
    }

    public long id() {
        return id;
    }

    public OffsetDateTime timestamp() {
        return timestamp;
    }

    public String service() {
        return service;
    }

    public String instance() {
        return instance;
    }

    public String level() {
        return level;
    }

    public String logger() {
        return logger;
    }

    public String message() {
        return message;
    }

    public String traceId() {
        return traceId;
    }

    public String spanId() {
        return spanId;
    }

    public UUID eventId() {
        return eventId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LogEntry that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
