package io.mensageria.billing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** Billing's own record of a customer, opened when accounts registers the user. */
@Entity
@Table(name = "accounts", schema = "billing")
public class BillingAccount {

    @Id
    @Column(name = "user_id")
    private UUID userId;

    @Column(nullable = false)
    private String name;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private OffsetDateTime openedAt;

    protected BillingAccount() {
        // for JPA
    }

    public BillingAccount(UUID userId, String name, OffsetDateTime openedAt) {
        this.userId = Objects.requireNonNull(userId);
        this.name = Objects.requireNonNull(name);
        this.openedAt = Objects.requireNonNull(openedAt);
    }

    public UUID userId() {
        return userId;
    }

    public OffsetDateTime openedAt() {
        return openedAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BillingAccount that && userId.equals(that.userId);
    }

    @Override
    public int hashCode() {
        return userId.hashCode();
    }
}
