package io.mensageria.subscriptions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A plan on offer; the catalog is seeded by migration. */
@Entity
@Table(name = "plans", schema = "subscriptions")
public class Plan {

    @Id
    private String id;

    @Column(nullable = false)
    private String name;

    @Column(name = "price_cents", nullable = false)
    private long priceCents;

    @Column(nullable = false)
    private String currency;

    protected Plan() {
        // for JPA
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public long priceCents() {
        return priceCents;
    }

    public String currency() {
        return currency;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Plan that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
