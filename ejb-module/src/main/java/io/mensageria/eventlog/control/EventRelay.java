package io.mensageria.eventlog.control;

import io.mensageria.eventlog.entity.LoggedEvent;
import io.mensageria.messaging.boundary.JmsEventSender;
import io.mensageria.messaging.boundary.OutgoingEvent;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Sends logged events to the broker and then marks them published, one batch per transaction: if the
 * broker cannot take them, nothing is marked and a later pass sends them again; if the server dies
 * between the send and the mark, the batch is sent twice, and consumers skip what they processed.
 */
@Stateless
public class EventRelay {

    public static final int BATCH = 100;

    /** From this many events on, a batch goes to the broker in one transaction (a backlog being drained). */
    static final int ONE_BROKER_TRANSACTION_FROM = 10;

    @PersistenceContext
    EntityManager em;

    @Inject
    JmsEventSender sender;

    @EJB
    BacklogPublisher backlog;

    /** Publishes one batch of unpublished events, oldest first, and answers how many it sent. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int publishPending() {
        // SKIP LOCKED: relays of other threads or instances take other rows instead of waiting or doubling.
        @SuppressWarnings("unchecked")
        List<LoggedEvent> batch = em.createNativeQuery("""
                select * from platform.event_log where published_at is null
                order by position limit ? for update skip locked""", LoggedEvent.class)
                .setParameter(1, BATCH)
                .getResultList();
        // Sent outside this transaction while it keeps the rows locked, then marked: see JmsEventSender.
        List<OutgoingEvent> events = batch.stream()
                .map(event -> new OutgoingEvent(event.metadata(), event.payload()))
                .toList();
        if (events.size() >= ONE_BROKER_TRANSACTION_FROM) {
            backlog.publish(events);
        } else {
            sender.publish(events);
        }
        batch.forEach(LoggedEvent::markPublished);
        return batch.size();
    }
}
