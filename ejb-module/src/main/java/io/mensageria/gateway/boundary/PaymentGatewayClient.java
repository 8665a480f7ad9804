package io.mensageria.gateway.boundary;

import io.mensageria.cards.CardExpiry;
import io.mensageria.cards.CardNumber;
import io.mensageria.gateway.control.PaymentGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * How services call the payment gateway: never longer than the timeout, a couple of quick retries
 * for technical failures (safe: charges carry an idempotency key), and a circuit breaker that stops
 * calling a gateway that keeps failing. A decline is an answer, not a failure: none of this applies.
 * Values can be tuned per method with MicroProfile Config, e.g.
 * {@code io.mensageria.gateway.boundary.PaymentGatewayClient/charge/Timeout/value}.
 */
@ApplicationScoped
public class PaymentGatewayClient {

    /**
     * How long an open circuit stays open before it lets one call try again (half-open). Given in
     * milliseconds, the annotation's default unit, because Payara 6 ignores {@code delayUnit}: it took
     * {@code delay = 10, delayUnit = SECONDS} as 10 ms, and a circuit that half-opened before the next
     * retry tripped billing's kill switch only when another charge happened to land in those 10 ms.
     */
    public static final long CIRCUIT_DELAY_MILLIS = 10_000;

    @Inject
    PaymentGateway gateway;

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 2,
            delay = 200,
            retryOn = {GatewayUnavailable.class, TimeoutException.class})
    @CircuitBreaker(
            requestVolumeThreshold = 4,
            failureRatio = 0.75,
            delay = CIRCUIT_DELAY_MILLIS,
            failOn = {GatewayUnavailable.class, TimeoutException.class})
    public String tokenize(CardNumber number, CardExpiry expiry) {
        return gateway.tokenize(number, expiry);
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(
            maxRetries = 2,
            delay = 200,
            retryOn = {GatewayUnavailable.class, TimeoutException.class})
    @CircuitBreaker(
            requestVolumeThreshold = 4,
            failureRatio = 0.75,
            delay = CIRCUIT_DELAY_MILLIS,
            failOn = {GatewayUnavailable.class, TimeoutException.class})
    public ChargeResult charge(String token, long amountCents, String currency, UUID idempotencyKey) {
        return gateway.charge(token, amountCents, currency, idempotencyKey);
    }

    /**
     * Whether the gateway answers now: for a kill switch waiting to resume. Outside the charges'
     * circuit, so that asking never counts as a charge that failed.
     */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    public boolean answers() {
        try {
            gateway.ping();
            return true;
        } catch (GatewayUnavailable e) {
            return false;
        }
    }
}
