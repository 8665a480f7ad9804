package io.mensageria.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mensageria.cards.CardExpiry;
import io.mensageria.cards.CardNumber;
import io.mensageria.gateway.boundary.ChargeResult;
import io.mensageria.gateway.boundary.GatewayUnavailable;
import io.mensageria.gateway.boundary.PaymentGatewayClient;
import io.mensageria.gateway.control.SimulatedPaymentGateway;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The gateway as services call it: idempotent charges, a timeout, and a circuit breaker (Fault Tolerance in the EAR). */
@ExtendWith(ArquillianExtension.class)
class PaymentGatewayIT {

    private static final CardExpiry EXPIRY = new CardExpiry(12, 2099);

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.mensageriaWith(PaymentGatewayIT.class);
    }

    @Inject
    PaymentGatewayClient gateway;

    @Inject
    SimulatedPaymentGateway simulation;

    @Test
    void aChargeRepeatedWithItsIdempotencyKeyChargesOnce() {
        String token = gateway.tokenize(CardNumber.parse("4111111111111111"), EXPIRY);
        UUID key = UUID.randomUUID();
        int before = simulation.chargeCount();

        ChargeResult first = gateway.charge(token, 1990, "BRL", key);
        ChargeResult again = gateway.charge(token, 1990, "BRL", key);

        assertInstanceOf(ChargeResult.Approved.class, first);
        assertEquals(first, again, "the repeat answers as the first call did");
        assertEquals(before + 1, simulation.chargeCount());
    }

    @Test
    void aDeclineIsAnAnswerNotAFailure() {
        String token = gateway.tokenize(CardNumber.parse("4000000000000002"), EXPIRY);
        assertInstanceOf(ChargeResult.Declined.class, gateway.charge(token, 1990, "BRL", UUID.randomUUID()));
    }

    @Test
    void aGatewaySlowerThanTheTimeoutIsCutOff() {
        String token = gateway.tokenize(CardNumber.parse("4000000000000259"), EXPIRY);
        int before = simulation.chargeCount();

        assertThrows(TimeoutException.class, () -> gateway.charge(token, 1990, "BRL", UUID.randomUUID()));
        assertEquals(before, simulation.chargeCount(), "no charge was completed");
    }

    @Test
    void aFailingGatewayOpensTheCircuitWhichThenRefusesEvenGoodCardsUntilItCloses() {
        String failing = gateway.tokenize(CardNumber.parse("4000000000000119"), EXPIRY);
        String good = gateway.tokenize(CardNumber.parse("5555555555554444"), EXPIRY);
        // From a closed circuit: another test's timeouts may have opened it, and its delay could then run
        // out between the two calls below (it once did: the good card went through).
        untilTheCircuitIsClosed(good);

        Throwable last = null;
        for (int call = 0; call < 10 && !(last instanceof CircuitBreakerOpenException); call++) {
            last = assertThrows(RuntimeException.class, () -> gateway.charge(failing, 100, "BRL", UUID.randomUUID()));
            assertTrue(
                    last instanceof GatewayUnavailable || last instanceof CircuitBreakerOpenException,
                    "a technical failure, never a charge: " + last);
        }
        assertInstanceOf(CircuitBreakerOpenException.class, last, "the circuit opened");
        assertThrows(
                CircuitBreakerOpenException.class,
                () -> gateway.charge(good, 100, "BRL", UUID.randomUUID()),
                "while open, nothing reaches the gateway");

        // Leave the breaker closed for whatever runs next.
        untilTheCircuitIsClosed(good);
    }

    /** An open circuit half-opens after its delay, and one success closes it. */
    private void untilTheCircuitIsClosed(String goodToken) {
        Poll.until(Duration.ofSeconds(30), "the circuit to be closed", () -> {
            try {
                return gateway.charge(goodToken, 100, "BRL", UUID.randomUUID());
            } catch (CircuitBreakerOpenException stillOpen) {
                return null;
            }
        });
    }
}
