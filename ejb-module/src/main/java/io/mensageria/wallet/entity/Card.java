package io.mensageria.wallet.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** A card in a user's wallet: what is needed to charge it (the token) and to recognise it (brand, last4). */
@Entity
@Table(name = "cards", schema = "wallet")
public class Card {

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Column(nullable = false)
    private String token;

    @Column(nullable = false)
    private String brand;

    @Column(nullable = false)
    private String last4;

    @Column(nullable = false)
    private String holder;

    @Column(name = "expiry_month", nullable = false)
    private int expiryMonth;

    @Column(name = "expiry_year", nullable = false)
    private int expiryYear;

    @Column(name = "added_at", nullable = false)
    private OffsetDateTime addedAt;

    protected Card() {
        // for JPA
    }

    public Card(
            UUID userId,
            String token,
            String brand,
            String last4,
            String holder,
            int expiryMonth,
            int expiryYear,
            OffsetDateTime addedAt) {
        this.id = UUID.randomUUID();
        this.userId = Objects.requireNonNull(userId);
        this.token = Objects.requireNonNull(token);
        this.brand = Objects.requireNonNull(brand);
        this.last4 = Objects.requireNonNull(last4);
        this.holder = Objects.requireNonNull(holder);
        this.expiryMonth = expiryMonth;
        this.expiryYear = expiryYear;
        this.addedAt = Objects.requireNonNull(addedAt);
    }

    public UUID id() {
        return id;
    }

    public UUID userId() {
        return userId;
    }

    public String token() {
        return token;
    }

    public String brand() {
        return brand;
    }

    public String last4() {
        return last4;
    }

    public int expiryMonth() {
        return expiryMonth;
    }

    public int expiryYear() {
        return expiryYear;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Card that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
