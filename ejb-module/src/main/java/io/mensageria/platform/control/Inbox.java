package io.mensageria.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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

    /** For each of these events, the consumers that have processed it. */
    public Map<UUID, Set<String>> processedBy(Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select event_id, consumer from platform.inbox"
                                + " where event_id = any(cast(string_to_array(?, ',') as uuid[]))")
                .setParameter(1, eventIds.stream().map(UUID::toString).collect(Collectors.joining(",")))
                .getResultList();
        return rows.stream().collect(Collectors.groupingBy(row -> (UUID) row[0],
                Collectors.mapping(row -> (String) row[1], Collectors.toSet())));
    }
}
