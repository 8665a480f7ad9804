package io.mensageria.events;

import java.util.Objects;
import java.util.UUID;

/** Billing has charged a subscription. */
public record PaymentSucceeded(UUID paymentId, UUID subscriptionId, UUID userId, long amountCents, String currency)
        implements DomainEvent {
    public PaymentSucceeded {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(currency, "currency");
    }
}
