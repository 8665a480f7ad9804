package io.mensageria.notifications.boundary;

import io.mensageria.events.EventMetadata;
import io.mensageria.events.PaymentFailed;
import io.mensageria.events.SubscriptionActivated;
import io.mensageria.events.UserRegistered;
import io.mensageria.notifications.entity.Notification;
import io.mensageria.notifications.entity.Recipient;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.logging.Logger;

@Stateless
public class Notifications {

    static final String WELCOME = "WELCOME";
    static final String SUBSCRIPTION_ACTIVE = "SUBSCRIPTION_ACTIVE";
    static final String PAYMENT_FAILED = "PAYMENT_FAILED";
    private static final Logger LOG = Logger.getLogger(Notifications.class.getName());

    @PersistenceContext
    EntityManager em;

    /** Handles UserRegistered: remembers the address and sends the welcome message. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void welcome(UserRegistered registered, EventMetadata metadata) {
        em.merge(new Recipient(registered.userId(), registered.name(), registered.email()));
        em.persist(new Notification(
                registered.userId(),
                WELCOME,
                registered.email(),
                "Welcome to Mensageria, " + registered.name(),
                metadata.eventId(),
                OffsetDateTime.now(ZoneOffset.UTC)));
        // The address is personal data: the log names the user by id only.
        LOG.info(() -> "Sent welcome notification to user " + registered.userId());
    }

    /** Handles SubscriptionActivated. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void subscriptionActive(SubscriptionActivated activated, EventMetadata metadata) {
        send(
                activated.userId(),
                SUBSCRIPTION_ACTIVE,
                "Your " + activated.planId() + " subscription is active",
                metadata);
    }

    /** Handles PaymentFailed. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void paymentFailed(PaymentFailed failure, EventMetadata metadata) {
        send(failure.userId(), PAYMENT_FAILED, "We could not charge your card: " + failure.reason(), metadata);
    }

    private void send(UUID userId, String kind, String subject, EventMetadata cause) {
        Recipient recipient = em.find(Recipient.class, userId);
        if (recipient == null) {
            // UserRegistered has not reached notifications yet: fail this delivery, a retry will find the address.
            throw new IllegalStateException("No address known yet for user " + userId);
        }
        em.persist(new Notification(
                userId, kind, recipient.email(), subject, cause.eventId(), OffsetDateTime.now(ZoneOffset.UTC)));
        LOG.info(() -> "Sent " + kind + " notification to user " + userId);
    }
}
