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
import org.junit.jupiter.api.BeforeEach;
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

    /** Each test starts from a closed circuit: the timeout test's failures open it, for its whole delay. */
    @BeforeEach
    void closedCircuit() {
        untilTheCircuitIsClosed(gateway.tokenize(CardNumber.parse("5555555555554444"), EXPIRY));
    }

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
    void aFailingGatewayOpensTheCircuitWhichStaysOpenRefusingEvenGoodCards() {
        String failing = gateway.tokenize(CardNumber.parse("4000000000000119"), EXPIRY);
        String good = gateway.tokenize(CardNumber.parse("5555555555554444"), EXPIRY);

        Throwable last = null;
        for (int call = 0; call < 10 && !(last instanceof CircuitBreakerOpenException); call++) {
            last = assertThrows(RuntimeException.class, () -> gateway.charge(failing, 100, "BRL", UUID.randomUUID()));
            assertTrue(
                    last instanceof GatewayUnavailable || last instanceof CircuitBreakerOpenException,
                    "a technical failure, never a charge: " + last);
        }
        assertInstanceOf(CircuitBreakerOpenException.class, last, "the circuit opened");
        // A tenth of the delay, yet far longer than the 10 ms Payara once held it open for (it ignores
        // delayUnit): while open, nothing reaches the gateway, not even a good card's charge.
        long openSince = System.nanoTime();
        Duration checked = Duration.ofMillis(PaymentGatewayClient.CIRCUIT_DELAY_MILLIS / 10);
        int refused = 0;
        while (Duration.ofNanos(System.nanoTime() - openSince).compareTo(checked) < 0) {
            assertThrows(
                    CircuitBreakerOpenException.class,
                    () -> gateway.charge(good, 100, "BRL", UUID.randomUUID()),
                    () -> "a charge went through "
                            + Duration.ofNanos(System.nanoTime() - openSince).toMillis()
                            + " ms after the circuit opened");
            refused++;
        }
        assertTrue(refused > 1, "good charges tried while open: " + refused);
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
