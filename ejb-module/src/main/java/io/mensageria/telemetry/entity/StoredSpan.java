package io.mensageria.telemetry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One finished span, as read back; like {@link LogEntry}, written only in JDBC batches. */
@Entity
@Table(name = "spans", schema = "platform")
public class StoredSpan {

    @Id
    @Column(name = "span_id")
    private String spanId;

    @Column(name = "trace_id")
    private String traceId;

    @Column(name = "parent_span_id")
    private String parentSpanId;

    private String service;
    /** The application instance that wrote it; none on rows from before instances were named. */
    private String instance;

    private String name;
    private String kind;

    @Column(name = "start_at")
    private OffsetDateTime start;

    @Column(name = "end_at")
    private OffsetDateTime end;

    private String status;
    private String error;

    protected StoredSpan() {
        // for JPA
    }

    public String spanId() {
        return spanId;
    }

    public String traceId() {
        return traceId;
    }

    public String parentSpanId() {
        return parentSpanId;
    }

    public String service() {
        return service;
    }

    public String instance() {
        return instance;
    }

    public String name() {
        return name;
    }

    public String kind() {
        return kind;
    }

    public OffsetDateTime start() {
        return start;
    }

    public OffsetDateTime end() {
        return end;
    }

    public String status() {
        return status;
    }

    public String error() {
        return error;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredSpan that && spanId.equals(that.spanId);
    }

    @Override
    public int hashCode() {
        return spanId.hashCode();
    }
}
