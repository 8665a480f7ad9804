package io.mensageria.subscriptions.boundary;

import io.mensageria.eventlog.boundary.EventLog;
import io.mensageria.events.PaymentFailed;
import io.mensageria.events.PaymentSucceeded;
import io.mensageria.events.PlanPurchased;
import io.mensageria.events.SubscriptionActivated;
import io.mensageria.persistence.boundary.UniqueViolation;
import io.mensageria.problems.boundary.RequestRejected;
import io.mensageria.subscriptions.SubscriptionsService;
import io.mensageria.subscriptions.entity.Plan;
import io.mensageria.subscriptions.entity.Subscription;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

@Stateless
public class Subscriptions {

    private static final Logger LOG = Logger.getLogger(Subscriptions.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    EventLog eventLog;

    public List<Plan> plans() {
        return em.createQuery("select p from Plan p order by p.priceCents", Plan.class)
                .getResultList();
    }

    /** Orders a plan: the subscription waits, PENDING, for billing to charge it. */
    public Subscription purchase(UUID userId, String planId) {
        Plan plan = Optional.ofNullable(em.find(Plan.class, planId))
                .orElseThrow(() -> RequestRejected.notFound("No plan '" + planId + "'"));
        if (hasLiveSubscription(userId)) {
            throw RequestRejected.conflict("planId", "The user already has a pending or active subscription");
        }
        Subscription subscription = new Subscription(userId, plan, now());
        em.persist(subscription);
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (!UniqueViolation.causes(e)) {
                throw e;
            }
            // Two orders raced past the check above; the partial unique index decided.
            throw RequestRejected.conflict("planId", "The user already has a pending or active subscription");
        }
        eventLog.append(
                SubscriptionsService.NAME,
                new PlanPurchased(subscription.id(), userId, plan.id(), plan.priceCents(), plan.currency()));
        LOG.info(() -> "User " + userId + " ordered plan " + planId + ": subscription " + subscription.id());
        return subscription;
    }

    /** The subscription, if it exists and is this user's: another user's is as good as unknown. */
    public Optional<Subscription> find(UUID id, UUID userId) {
        return Optional.ofNullable(em.find(Subscription.class, id))
                .filter(s -> s.userId().equals(userId));
    }

    /** Handles PaymentSucceeded: activates the subscription and announces it. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void paid(PaymentSucceeded payment) {
        Subscription subscription = subscription(payment.subscriptionId());
        if (subscription.paid(now())) {
            eventLog.append(
                    SubscriptionsService.NAME,
                    new SubscriptionActivated(
                            subscription.id(),
                            subscription.userId(),
                            subscription.planId(),
                            subscription.activatedAt().toInstant()));
            LOG.info(() -> "Subscription " + subscription.id() + " is active");
        }
    }

    /** Handles PaymentFailed: a pending subscription fails; an active one stays active. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void paymentFailed(PaymentFailed failure) {
        Subscription subscription = subscription(failure.subscriptionId());
        subscription.paymentFailed(failure.reason());
        LOG.info(() -> "Payment failed for subscription " + subscription.id() + ": " + failure.reason());
    }

    private Subscription subscription(UUID id) {
        Subscription subscription = em.find(Subscription.class, id);
        if (subscription == null) {
            // Not ours to invent: fail the delivery, it is retried and finally dead-lettered for a person to see.
            throw new IllegalStateException("Unknown subscription " + id);
        }
        return subscription;
    }

    private boolean hasLiveSubscription(UUID userId) {
        return !em.createQuery(
                        "select s.id from Subscription s where s.userId = :user and s.status in :live", UUID.class)
                .setParameter("user", userId)
                .setParameter("live", List.of(Subscription.Status.PENDING, Subscription.Status.ACTIVE))
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
