package io.mensageria.billing.control;

import io.mensageria.billing.BillingService;
import io.mensageria.catalog.boundary.ConsumerQueue;
import io.mensageria.consumers.boundary.ConsumerPauses;
import io.mensageria.gateway.boundary.PaymentGatewayClient;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Billing's kill switch, as MassTransit has one: when the payment gateway's circuit opens, billing
 * stops taking purchases (its PlanPurchased queue is paused, so deliveries wait, held, instead of
 * using up their attempts into the dead letters), and takes them again once the circuit may let a
 * call through and the gateway answers. It never resumes a pause an operator made.
 */
@Singleton
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class GatewayKillSwitch {

    /** Who pauses and resumes, in the audit trail, the alerts and GET /ops/consumers. */
    public static final String BY = "kill switch";

    static final ConsumerQueue PURCHASES =
            ConsumerQueue.parse(BillingService.PLAN_PURCHASED_QUEUE).orElseThrow();
    private static final Logger LOG = Logger.getLogger(GatewayKillSwitch.class.getName());

    @EJB
    ConsumerPauses pauses;

    @Inject
    PaymentGatewayClient gateway;

    /** The gateway's circuit is open: purchases wait. */
    public void trip() {
        pauses.pauseItself(PURCHASES, BY, "the payment gateway's circuit is open");
    }

    /** Never throws: a timeout that fails twice in a row is cancelled by the container for good. */
    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void resumeWhenTheGatewayAnswers() {
        try {
            boolean tripped = pauses.of(PURCHASES.name())
                    .filter(pause -> pause.by().equals(BY))
                    // Before then the circuit is still open: the first purchase would trip the switch again.
                    .filter(pause -> pause.at()
                            .plusMillis(PaymentGatewayClient.CIRCUIT_DELAY_MILLIS)
                            .isBefore(Instant.now()))
                    .isPresent();
            if (tripped && gateway.answers()) {
                pauses.resumeItself(PURCHASES, BY);
            }
        } catch (RuntimeException e) {
            // The database is down, or the gateway ran over its timeout: the next run asks again.
            LOG.log(Level.FINE, "Kill switch not checked now", e);
        }
    }
}
