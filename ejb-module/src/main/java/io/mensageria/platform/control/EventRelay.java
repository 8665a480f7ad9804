package io.mensageria.platform.control;

import io.mensageria.platform.entity.LoggedEvent;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends logged events to the broker and marks them published, in one transaction per batch: if the
 * broker cannot take them, nothing is marked and a later pass sends them again.
 */
@Stateless
public class EventRelay {

    static final int BATCH = 100;

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

    /** Unpublished events, for the health check and the relay backlog metric. */
    public long backlog() {
        return em.createQuery("select count(e) from LoggedEvent e where e.publishedAt is null", Long.class)
                .getSingleResult();
    }

    public Optional<OffsetDateTime> oldestUnpublished() {
        return em.createQuery("select min(e.occurredAt) from LoggedEvent e where e.publishedAt is null",
                        OffsetDateTime.class)
                .getResultStream()
                .filter(Objects::nonNull)
                .findFirst();
    }
}
