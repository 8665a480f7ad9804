package io.mensageria.events;

import java.util.Objects;
import java.util.UUID;

/** Wallet has stored a card. Only the gateway's token and the last four digits, never the number. */
public record CardAdded(
        UUID userId, UUID cardId, String token, String brand, String last4, int expiryMonth, int expiryYear)
        implements DomainEvent {
    public CardAdded {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(cardId, "cardId");
        Objects.requireNonNull(token, "token");
        if (last4 == null || !last4.matches("\\d{4}")) {
            throw new IllegalArgumentException("last4 must be four digits");
        }
    }
}
