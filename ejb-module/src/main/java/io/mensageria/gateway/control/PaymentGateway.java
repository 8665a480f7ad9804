package io.mensageria.gateway.control;

import io.mensageria.cards.CardExpiry;
import io.mensageria.cards.CardNumber;
import io.mensageria.gateway.boundary.ChargeResult;
import io.mensageria.gateway.boundary.GatewayUnavailable;
import java.util.UUID;

/** What the platform needs of a payment gateway. Implementations throw {@link GatewayUnavailable} on technical failure. */
public interface PaymentGateway {

    /** Exchanges a card number for a token that can be charged later; the number goes nowhere else. */
    String tokenize(CardNumber number, CardExpiry expiry);

    /**
     * Charges a token. A repeat with the same idempotency key charges nothing more and answers as the
     * first call did, so a retried charge never charges twice.
     */
    ChargeResult charge(String token, long amountCents, String currency, UUID idempotencyKey);

    /** Returns when the gateway answers (a real one has a status or balance call for this); charges nothing. */
    void ping();
}
