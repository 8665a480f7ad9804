package io.mensageria.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mensageria.accounts.boundary.Accounts;
import io.mensageria.billing.boundary.Payments;
import io.mensageria.eventlog.boundary.ConsumerState;
import io.mensageria.eventlog.boundary.EventLogView;
import io.mensageria.eventlog.boundary.EventQuery;
import io.mensageria.eventlog.boundary.LoggedEventView;
import io.mensageria.events.EventMetadata;
import io.mensageria.events.PlanPurchased;
import io.mensageria.gateway.control.SimulatedPaymentGateway;
import io.mensageria.inbound.boundary.Inbound;
import io.mensageria.subscriptions.boundary.Subscriptions;
import io.mensageria.subscriptions.entity.Subscription;
import io.mensageria.wallet.boundary.Wallet;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.UUID;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** At-least-once delivery, effect-once consumers: a PlanPurchased delivered twice charges once. */
@ExtendWith(ArquillianExtension.class)
class DuplicateDeliveryIT {

    private static final Duration CHAIN = Duration.ofSeconds(60);

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.mensageriaWith(DuplicateDeliveryIT.class, InNewTransaction.class);
    }

    @EJB
    Accounts accounts;

    @EJB
    Wallet wallet;

    @EJB
    Subscriptions subscriptions;

    @EJB
    Payments payments;

    @Resource(lookup = "jdbc/mensageria")
    DataSource database;

    @EJB
    EventLogView eventLog;

    @Inject
    Inbound inbound;

    @EJB
    InNewTransaction inNewTransaction;

    @Inject
    SimulatedPaymentGateway gateway;

    @Test
    void aPlanPurchasedPublishedTwiceIsChargedOnce() throws Exception {
        UUID userId = accounts.register(
                        "Dup Licate", "dup-" + UUID.randomUUID() + "@example.com", "correct horse battery staple")
                .id();
        wallet.addCard(userId, "4111111111111111", "Dup Licate", 12, 2099);
        Poll.until(CHAIN, "billing to know the card", () -> processed("CardAdded", userId));
        int chargesBefore = gateway.chargeCount();
        Subscription subscription = subscriptions.purchase(userId, "basic");
        LoggedEventView purchase =
                Poll.until(CHAIN, "billing to charge the purchase", () -> processedPurchaseOf(subscription.id()));

        // The same message delivered again, as the broker may after a lost acknowledgement: through the
        // very code the message-driven bean runs, in a transaction of its own.
        Message duplicate = messageOf(purchase);
        inNewTransaction.run(() -> inbound.receive("billing", duplicate, PlanPurchased.class, payments::charge));

        assertEquals(
                1,
                ServiceTables.rows(
                                database,
                                "select id from billing.payments where subscription_id = ?",
                                subscription.id())
                        .size(),
                "one payment");
        assertEquals(chargesBefore + 1, gateway.chargeCount(), "one charge at the gateway");
        Poll.until(
                CHAIN,
                "the subscription to be active",
                () -> subscriptions
                        .find(subscription.id(), userId)
                        .filter(s -> s.status() == Subscription.Status.ACTIVE)
                        .orElse(null));
    }

    private static Message messageOf(LoggedEventView event) throws Exception {
        ConnectionFactory factory = InitialContext.doLookup("jms/mensageria");
        try (Connection connection = factory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            TextMessage message = session.createTextMessage(event.payload().toString());
            message.setStringProperty(EventMetadata.EVENT_ID, event.eventId().toString());
            message.setStringProperty(EventMetadata.EVENT_TYPE, event.eventType());
            message.setStringProperty(EventMetadata.EVENT_VERSION, "1");
            message.setStringProperty(
                    EventMetadata.OCCURRED_AT, event.occurredAt().toInstant().toString());
            message.setStringProperty(EventMetadata.PRODUCER, event.producer());
            return message;
        }
    }

    private Object processed(String type, UUID userId) {
        return eventLog.find(new EventQuery(type, null, null, null, null, 200)).stream()
                .filter(e -> e.payload().toString().contains(userId.toString()))
                .filter(e -> e.consumers().values().stream().allMatch(s -> s == ConsumerState.PROCESSED))
                .findFirst()
                .orElse(null);
    }

    private LoggedEventView processedPurchaseOf(UUID subscriptionId) {
        LoggedEventView event = purchaseOf(subscriptionId);
        return event != null && event.consumers().get("billing") == ConsumerState.PROCESSED ? event : null;
    }

    private LoggedEventView purchaseOf(UUID subscriptionId) {
        return eventLog.find(new EventQuery(PlanPurchased.class.getSimpleName(), null, null, null, null, 200)).stream()
                .filter(e -> e.payload().toString().contains(subscriptionId.toString()))
                .findFirst()
                .orElse(null);
    }
}
