package io.mensageria.notifications.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** A message sent to a user; {@code eventId} is the event that caused it. */
@Entity
@Table(name = "notifications", schema = "notifications")
public class Notification {

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private String recipient;

    @Column(nullable = false)
    private String subject;

    @Column(name = "event_id", nullable = false)
    private UUID eventId;

    @Column(name = "sent_at", nullable = false)
    private OffsetDateTime sentAt;

    protected Notification() {
        // for JPA
    }

    public Notification(
            UUID userId, String kind, String recipient, String subject, UUID eventId, OffsetDateTime sentAt) {
        this.id = UUID.randomUUID();
        this.userId = Objects.requireNonNull(userId);
        this.kind = Objects.requireNonNull(kind);
        this.recipient = Objects.requireNonNull(recipient);
        this.subject = Objects.requireNonNull(subject);
        this.eventId = Objects.requireNonNull(eventId);
        this.sentAt = Objects.requireNonNull(sentAt);
    }

    public UUID userId() {
        return userId;
    }

    public String kind() {
        return kind;
    }

    public String recipient() {
        return recipient;
    }

    public UUID eventId() {
        return eventId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Notification that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
