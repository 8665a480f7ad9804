package io.mensageria.events;

import java.util.Objects;
import java.util.UUID;

/** Billing could not charge a subscription: a business outcome (declined), not a technical fault. */
public record PaymentFailed(UUID subscriptionId, UUID userId, String reason) implements DomainEvent {
    public PaymentFailed {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(reason, "reason");
    }
}
