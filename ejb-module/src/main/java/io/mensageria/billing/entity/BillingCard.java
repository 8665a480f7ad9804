package io.mensageria.billing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** A card billing may charge: the gateway token from CardAdded, never the number. */
@Entity
@Table(name = "cards", schema = "billing")
public class BillingCard {

    @Id
    @Column(name = "card_id")
    private UUID cardId;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Column(nullable = false)
    private String token;

    @Column(nullable = false)
    private String brand;

    @Column(nullable = false)
    private String last4;

    @Column(name = "added_at", nullable = false)
    private OffsetDateTime addedAt;

    protected BillingCard() {
        // for JPA
    }

    public BillingCard(UUID cardId, UUID userId, String token, String brand, String last4, OffsetDateTime addedAt) {
        this.cardId = Objects.requireNonNull(cardId);
        this.userId = Objects.requireNonNull(userId);
        this.token = Objects.requireNonNull(token);
        this.brand = Objects.requireNonNull(brand);
        this.last4 = Objects.requireNonNull(last4);
        this.addedAt = Objects.requireNonNull(addedAt);
    }

    public UUID cardId() {
        return cardId;
    }

    public String token() {
        return token;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BillingCard that && cardId.equals(that.cardId);
    }

    @Override
    public int hashCode() {
        return cardId.hashCode();
    }
}
