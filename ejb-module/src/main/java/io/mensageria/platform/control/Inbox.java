package io.mensageria.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** The processed marks of every consumer: what makes at-least-once delivery have its effect once. */
@ApplicationScoped
public class Inbox {

    @PersistenceContext
    EntityManager em;

    /**
     * Marks the event processed by this consumer and answers whether this is the first time. A duplicate
     * delivered concurrently waits on the primary key until the first commits, then finds it taken.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markProcessed(String consumer, UUID eventId) {
        return em.createNativeQuery("""
                        insert into platform.inbox (consumer, event_id) values (?, ?)
                        on conflict do nothing""")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate() == 1;
    }
}
