package io.mensageria.subscriptions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A user's subscription to a plan, at the price of the day it was ordered. PENDING until billing has
 * charged it; a successful payment always activates it, even after a failed one.
 */
@Entity
@Table(name = "subscriptions", schema = "subscriptions")
public class Subscription {

    public enum Status {
        PENDING,
        ACTIVE,
        PAYMENT_FAILED
    }

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Column(name = "plan_id", nullable = false)
    private String planId;

    @Column(name = "price_cents", nullable = false)
    private long priceCents;

    @Column(nullable = false)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "failure_reason")
    private String failureReason;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "activated_at")
    private OffsetDateTime activatedAt;

    protected Subscription() {
        // for JPA
    }

    public Subscription(UUID userId, Plan plan, OffsetDateTime createdAt) {
        this.id = UUID.randomUUID();
        this.userId = Objects.requireNonNull(userId);
        this.planId = plan.id();
        this.priceCents = plan.priceCents();
        this.currency = plan.currency();
        this.status = Status.PENDING;
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    /** Answers whether this payment activated it (false when it was already active). */
    public boolean paid(OffsetDateTime at) {
        if (status == Status.ACTIVE) {
            return false;
        }
        status = Status.ACTIVE;
        activatedAt = at;
        failureReason = null;
        return true;
    }

    public void paymentFailed(String reason) {
        if (status == Status.PENDING) {
            status = Status.PAYMENT_FAILED;
            failureReason = reason;
        }
    }

    public UUID id() {
        return id;
    }

    public UUID userId() {
        return userId;
    }

    public String planId() {
        return planId;
    }

    public long priceCents() {
        return priceCents;
    }

    public String currency() {
        return currency;
    }

    public Status status() {
        return status;
    }

    public OffsetDateTime activatedAt() {
        return activatedAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Subscription that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
