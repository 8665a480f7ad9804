package io.mensageria.events;

import java.util.Objects;
import java.util.UUID;

/** Subscriptions has taken an order for a plan; billing is to charge it. */
public record PlanPurchased(UUID subscriptionId, UUID userId, String planId, long priceCents, String currency)
        implements DomainEvent {
    public PlanPurchased {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(currency, "currency");
    }
}
