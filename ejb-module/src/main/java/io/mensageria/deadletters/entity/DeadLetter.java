package io.mensageria.deadletters.entity;

import io.mensageria.persistence.boundary.NullableUuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** A message no retry could process, kept for an operator to retry or discard, and for history after that. */
@Entity
@Table(name = "dead_letters", schema = "platform")
public class DeadLetter {

    public enum State {
        PENDING,
        RETRIED,
        EDITED,
        DISCARDED
    }

    /** The cause column's width. */
    public static final int MAX_CAUSE = 2000;

    @Id
    private UUID id;

    @Column(name = "message_id", nullable = false)
    private String messageId;

    @Column(nullable = false)
    private String queue;

    @Column(nullable = false)
    private String consumer;

    @Column(name = "event_type")
    private String eventType;

    @Column(name = "event_id")
    @Convert(converter = NullableUuidConverter.class)
    private UUID eventId;

    @Column(name = "trace_id")
    private String traceId;

    @Column(nullable = false)
    private int attempts;

    @Column(nullable = false)
    private String cause;

    @Column(name = "dead_lettered_at", nullable = false)
    private OffsetDateTime deadLetteredAt;

    @Column(nullable = false)
    private String payload;

    /** The message's string properties as a JSON object, to re-send it as it was. */
    @Column(nullable = false)
    private String properties;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(name = "state_changed_at")
    private OffsetDateTime stateChangedAt;

    protected DeadLetter() {
        // for JPA
    }

    public void retried() {
        changeState(State.RETRIED);
    }

    public void edited() {
        changeState(State.EDITED);
    }

    public void discarded() {
        changeState(State.DISCARDED);
    }

    private void changeState(State next) {
        state = next;
        stateChangedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public UUID id() {
        return id;
    }

    public String queue() {
        return queue;
    }

    public String consumer() {
        return consumer;
    }

    public String eventType() {
        return eventType;
    }

    public UUID eventId() {
        return eventId;
    }

    public String traceId() {
        return traceId;
    }

    public int attempts() {
        return attempts;
    }

    public String cause() {
        return cause;
    }

    public OffsetDateTime deadLetteredAt() {
        return deadLetteredAt;
    }

    public String payload() {
        return payload;
    }

    public String properties() {
        return properties;
    }

    public State state() {
        return state;
    }

    /** Dead letters with the same consumer, event type and cause form a group, retried or discarded together. */
    public UUID groupId() {
        return groupOf(consumer, eventType, cause);
    }

    public static UUID groupOf(String consumer, String eventType, String cause) {
        return UUID.nameUUIDFromBytes((consumer + "\n" + eventType + "\n" + cause).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeadLetter that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
