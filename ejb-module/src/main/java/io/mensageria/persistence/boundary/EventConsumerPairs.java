package io.mensageria.persistence.boundary;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads (event id, consumer) pairs for a set of event ids from a table that has no entity (the inbox,
 * the failed attempts), grouped by event. The ids travel as one text parameter: the driver's array
 * binding is not portable across JPA providers.
 */
public final class EventConsumerPairs {

    /** The condition the SQL must use for the ids, as its only parameter. */
    public static final String EVENT_ID_IN = "event_id = any(cast(string_to_array(?, ',') as uuid[]))";

    private EventConsumerPairs() {}

    /** @param sql a select of {@code event_id, consumer} whose where clause uses {@link #EVENT_ID_IN} */
    public static Map<UUID, Set<String>> of(EntityManager em, String sql, Collection<UUID> eventIds) {
        Map<UUID, Set<String>> pairs = new HashMap<>();
        if (eventIds.isEmpty()) {
            return pairs;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(sql).setParameter(1, joined(eventIds)).getResultList();
        rows.forEach(row ->
                pairs.computeIfAbsent((UUID) row[0], id -> new TreeSet<>()).add(((String) row[1]).strip()));
        return pairs;
    }

    public static String joined(Collection<UUID> eventIds) {
        return eventIds.stream().map(UUID::toString).collect(Collectors.joining(","));
    }
}
