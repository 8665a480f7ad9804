package io.mensageria.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Subscriptions has activated a paid subscription. */
public record SubscriptionActivated(UUID subscriptionId, UUID userId, String planId, Instant activatedAt)
        implements DomainEvent {
    public SubscriptionActivated {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(activatedAt, "activatedAt");
    }
}
