package io.mensageria.inbound.boundary;

import io.mensageria.persistence.boundary.EventConsumerPairs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
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
        // Native: JPA has no "insert ... on conflict do nothing", and the answer must come from the key itself.
        return em.createNativeQuery("""
                        insert into platform.inbox (consumer, event_id) values (?, ?)
                        on conflict do nothing""")
                        .setParameter(1, consumer)
                        .setParameter(2, eventId)
                        .executeUpdate()
                == 1;
    }

    /** Forgets that the consumer processed these events, so that it handles them again (a replay). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(String consumer, Collection<UUID> eventIds) {
        if (!eventIds.isEmpty()) {
            em.createNativeQuery("delete from platform.inbox where consumer = ? and " + EventConsumerPairs.EVENT_ID_IN)
                    .setParameter(1, consumer)
                    .setParameter(2, EventConsumerPairs.joined(eventIds))
                    .executeUpdate();
        }
    }

    /** For each of these events, the consumers that processed it. */
    public Map<UUID, Set<String>> processed(Collection<UUID> eventIds) {
        return EventConsumerPairs.of(
                em, "select event_id, consumer from platform.inbox where " + EventConsumerPairs.EVENT_ID_IN, eventIds);
    }
}
