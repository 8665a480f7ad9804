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

    /** What a delivery's mark found: its first time, a duplicate, or its queue paused (nothing marked). */
    public enum Mark {
        FIRST,
        DUPLICATE,
        PAUSED
    }

    /**
     * Marks the event processed by this consumer unless the queue it came from is paused (a row of
     * {@code platform.consumer_pauses}, see {@code ConsumerPauses}). One statement reads the pause and
     * writes the mark, so that the pause every delivery must see costs it no round trip of its own, and
     * both answers come from one snapshot: a delivery is marked only if no pause had committed when the
     * statement ran. A duplicate delivered concurrently waits on the primary key until the first
     * commits, then finds it taken.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Mark markProcessedUnlessPaused(String consumer, UUID eventId, String queue) {
        Object[] found = (Object[]) em.createNativeQuery("""
                        with pause as (
                            select exists (select 1 from platform.consumer_pauses where queue = ?) as paused),
                        mark as (
                            insert into platform.inbox (consumer, event_id)
                            select ?, ? from pause where not paused
                            on conflict do nothing
                            returning 1)
                        select paused, exists (select 1 from mark) from pause""")
                .setParameter(1, queue)
                .setParameter(2, consumer)
                .setParameter(3, eventId)
                .getSingleResult();
        if ((Boolean) found[0]) {
            return Mark.PAUSED;
        }
        return (Boolean) found[1] ? Mark.FIRST : Mark.DUPLICATE;
    }

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
