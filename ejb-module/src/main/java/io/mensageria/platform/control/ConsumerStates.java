package io.mensageria.platform.control;

import io.mensageria.platform.entity.ConsumerState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** For logged events, each subscribed consumer's state: from the inbox, the dead letters and the failed attempts. */
@ApplicationScoped
public class ConsumerStates {

    @PersistenceContext
    EntityManager em;

    /** @param eventTypes the events, by id, with their type (which says who consumes them) */
    public Map<UUID, Map<String, ConsumerState>> of(Map<UUID, String> eventTypes) {
        Map<UUID, Map<String, ConsumerState>> states = new HashMap<>();
        eventTypes.forEach((eventId, type) -> {
            Map<String, ConsumerState> consumers = new LinkedHashMap<>();
            EventConsumers.consumersOf(type).forEach(consumer -> consumers.put(consumer, ConsumerState.PENDING));
            states.put(eventId, consumers);
        });
        for (Object[] fact : facts(eventTypes.keySet())) {
            Map<String, ConsumerState> consumers = states.get((UUID) fact[0]);
            ConsumerState known = ConsumerState.valueOf((String) fact[2]);
            consumers.computeIfPresent((String) fact[1], (consumer, state) -> known.compareTo(state) > 0 ? known : state);
        }
        return states;
    }

    private List<Object[]> facts(Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        String ids = eventIds.stream().map(UUID::toString).collect(Collectors.joining(","));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        with wanted as (select cast(unnest(string_to_array(?, ',')) as uuid) as event_id)
                        select event_id, consumer, 'PROCESSED' from platform.inbox join wanted using (event_id)
                        union all
                        select event_id, consumer, 'DEAD_LETTERED' from platform.dead_letters join wanted using (event_id)
                            where state = 'PENDING'
                        union all
                        select distinct event_id, consumer, 'RETRYING' from platform.delivery_failures
                            join wanted using (event_id)""")
                .setParameter(1, ids)
                .getResultList();
        return rows;
    }
}
