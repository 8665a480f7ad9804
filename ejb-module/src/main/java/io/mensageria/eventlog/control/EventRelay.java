package io.mensageria.eventlog.control;

import io.mensageria.eventlog.entity.LoggedEvent;
import io.mensageria.messaging.boundary.JmsEventSender;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Sends logged events to the broker and marks them published, in one transaction per batch: if the
 * broker cannot take them, nothing is marked and a later pass sends them again.
 */
@Stateless
public class EventRelay {

    public static final int BATCH = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    JmsEventSender sender;

    @Asynchronous
    public void publishPendingLater() {
        publishPending();
    }

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
        for (LoggedEvent event : batch) {
            sender.send(event.metadata(), event.payload());
            event.markPublished();
        }
        return batch.size();
    }
}
