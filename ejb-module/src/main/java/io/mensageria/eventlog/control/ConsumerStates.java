package io.mensageria.eventlog.control;

import io.mensageria.catalog.boundary.ServiceCatalog;
import io.mensageria.deadletters.boundary.DeadLetters;
import io.mensageria.eventlog.boundary.ConsumerState;
import io.mensageria.inbound.boundary.DeliveryFailures;
import io.mensageria.inbound.boundary.Inbox;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * For logged events, each subscribed consumer's state, from what the components that know it say:
 * the inbox (processed), the failed attempts (retrying) and the dead letters (dead-lettered).
 */
@ApplicationScoped
public class ConsumerStates {

    @Inject
    Inbox inbox;

    @EJB
    DeliveryFailures failures;

    @EJB
    DeadLetters deadLetters;

    /** @param eventTypes the events, by id, with their type (which says who consumes them) */
    public Map<UUID, Map<String, ConsumerState>> of(Map<UUID, String> eventTypes) {
        Map<UUID, Map<String, ConsumerState>> states = new HashMap<>();
        eventTypes.forEach((eventId, type) -> {
            Map<String, ConsumerState> consumers = new LinkedHashMap<>();
            ServiceCatalog.declared()
                    .consumersOf(type)
                    .forEach(consumer -> consumers.put(consumer, ConsumerState.PENDING));
            states.put(eventId, consumers);
        });
        raise(states, failures.failed(eventTypes.keySet()), ConsumerState.RETRYING);
        raise(states, deadLetters.pending(eventTypes.keySet()), ConsumerState.DEAD_LETTERED);
        raise(states, inbox.processed(eventTypes.keySet()), ConsumerState.PROCESSED);
        return states;
    }

    /** Later states win: a processed event that once failed is PROCESSED. */
    static void raise(Map<UUID, Map<String, ConsumerState>> states, Map<UUID, Set<String>> known, ConsumerState state) {
        known.forEach((eventId, consumers) -> {
            Map<String, ConsumerState> subscribed = states.get(eventId);
            if (subscribed != null) {
                consumers.forEach(consumer -> subscribed.computeIfPresent(
                        consumer, (name, current) -> state.compareTo(current) > 0 ? state : current));
            }
        });
    }
}
