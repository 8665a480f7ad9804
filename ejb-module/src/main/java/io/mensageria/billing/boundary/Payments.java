package io.mensageria.billing.boundary;

import io.mensageria.billing.BillingService;
import io.mensageria.billing.control.CardNotYetKnown;
import io.mensageria.billing.control.GatewayKillSwitch;
import io.mensageria.billing.entity.BillingCard;
import io.mensageria.billing.entity.Payment;
import io.mensageria.eventlog.boundary.EventLog;
import io.mensageria.events.EventMetadata;
import io.mensageria.events.PaymentFailed;
import io.mensageria.events.PaymentSucceeded;
import io.mensageria.events.PlanPurchased;
import io.mensageria.gateway.boundary.ChargeResult;
import io.mensageria.gateway.boundary.PaymentGatewayClient;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

@Stateless
public class Payments {

    private static final Logger LOG = Logger.getLogger(Payments.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    PaymentGatewayClient gateway;

    @Inject
    EventLog eventLog;

    @EJB
    GatewayKillSwitch killSwitch;

    /**
     * Handles PlanPurchased: charges the card the user added last. The PlanPurchased event id is the
     * gateway's idempotency key, so a redelivered event can never charge twice. A decline is reported
     * as PaymentFailed; a technical failure propagates, and the delivery is retried. An open circuit
     * also trips the kill switch: the purchases after this one wait until the gateway answers again.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void charge(PlanPurchased order, EventMetadata metadata) {
        BillingCard card = lastCardOf(order.userId());
        ChargeResult result;
        try {
            result = gateway.charge(card.token(), order.priceCents(), order.currency(), metadata.eventId());
        } catch (CircuitBreakerOpenException e) {
            killSwitch.trip();
            throw e;
        }
        if (result instanceof ChargeResult.Declined declined) {
            em.persist(Payment.declined(
                    order.subscriptionId(),
                    order.userId(),
                    card.cardId(),
                    order.priceCents(),
                    order.currency(),
                    metadata.eventId(),
                    declined.reason()));
            eventLog.append(
                    BillingService.NAME, new PaymentFailed(order.subscriptionId(), order.userId(), declined.reason()));
            LOG.info(() -> "Charge declined for subscription " + order.subscriptionId() + ": " + declined.reason());
            return;
        }
        Payment payment = Payment.succeeded(
                order.subscriptionId(),
                order.userId(),
                card.cardId(),
                order.priceCents(),
                order.currency(),
                metadata.eventId(),
                ((ChargeResult.Approved) result).chargeId());
        em.persist(payment);
        eventLog.append(
                BillingService.NAME,
                new PaymentSucceeded(
                        payment.id(), order.subscriptionId(), order.userId(), order.priceCents(), order.currency()));
        LOG.info(() -> "Charged " + order.priceCents() + " " + order.currency() + " for subscription "
                + order.subscriptionId());
    }

    private BillingCard lastCardOf(UUID userId) {
        return em.createQuery(
                        "select c from BillingCard c where c.userId = :user order by c.addedAt desc", BillingCard.class)
                .setParameter("user", userId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new CardNotYetKnown(userId));
    }
}
