package io.mensageria.billing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

/** One charge of a subscription, made once per PlanPurchased event (its id is the gateway's idempotency key). */
@Entity
@Table(name = "payments", schema = "billing")
public class Payment {

    public enum Status {
        SUCCEEDED,
        DECLINED
    }

    @Id
    private UUID id;

    @Column(name = "subscription_id", nullable = false)
    private UUID subscriptionId;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Column(name = "card_id", nullable = false)
    private UUID cardId;

    @Column(name = "amount_cents", nullable = false)
    private long amountCents;

    @Column(nullable = false)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "decline_reason")
    private String declineReason;

    @Column(name = "gateway_charge")
    private String gatewayCharge;

    @Column(name = "charge_key", nullable = false, unique = true)
    private UUID chargeKey;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected Payment() {
        // for JPA
    }

    private Payment(
            UUID subscriptionId,
            UUID userId,
            UUID cardId,
            long amountCents,
            String currency,
            UUID chargeKey,
            Status status,
            String gatewayCharge,
            String declineReason) {
        this.id = UUID.randomUUID();
        this.subscriptionId = Objects.requireNonNull(subscriptionId);
        this.userId = Objects.requireNonNull(userId);
        this.cardId = Objects.requireNonNull(cardId);
        this.amountCents = amountCents;
        this.currency = Objects.requireNonNull(currency);
        this.chargeKey = Objects.requireNonNull(chargeKey);
        this.status = status;
        this.gatewayCharge = gatewayCharge;
        this.declineReason = declineReason;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public static Payment succeeded(
            UUID subscriptionId,
            UUID userId,
            UUID cardId,
            long amountCents,
            String currency,
            UUID chargeKey,
            String gatewayCharge) {
        return new Payment(
                subscriptionId,
                userId,
                cardId,
                amountCents,
                currency,
                chargeKey,
                Status.SUCCEEDED,
                gatewayCharge,
                null);
    }

    public static Payment declined(
            UUID subscriptionId,
            UUID userId,
            UUID cardId,
            long amountCents,
            String currency,
            UUID chargeKey,
            String reason) {
        return new Payment(
                subscriptionId, userId, cardId, amountCents, currency, chargeKey, Status.DECLINED, null, reason);
    }

    public UUID id() {
        return id;
    }

    public UUID subscriptionId() {
        return subscriptionId;
    }

    public Status status() {
        return status;
    }

    public long amountCents() {
        return amountCents;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Payment that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
