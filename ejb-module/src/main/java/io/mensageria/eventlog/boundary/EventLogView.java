package io.mensageria.eventlog.boundary;

import io.mensageria.eventlog.control.ConsumerStates;
import io.mensageria.eventlog.entity.LoggedEvent;
import io.mensageria.persistence.boundary.Where;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The event log read by operators: newest first, filtered, paged by position. */
@Stateless
public class EventLogView {

    @PersistenceContext
    EntityManager em;

    @Inject
    ConsumerStates consumerStates;

    public List<LoggedEventView> find(EventQuery query) {
        List<LoggedEvent> events = new Where()
                .and("e.eventType = :type", "type", query.eventType())
                .and("e.traceId = :traceId", "traceId", query.traceId())
                .and("e.occurredAt >= :since", "since", query.since())
                .and("e.occurredAt < :until", "until", query.until())
                .and("e.position < :before", "before", query.before())
                .query(em, "select e from LoggedEvent e", "order by e.position desc", LoggedEvent.class)
                .setMaxResults(query.limit())
                .getResultList();
        Map<UUID, String> types = new LinkedHashMap<>();
        events.forEach(event -> types.put(event.eventId(), event.eventType()));
        Map<UUID, Map<String, ConsumerState>> states = consumerStates.of(types);
        return events.stream()
                .map(event -> LoggedEventView.of(event, states.get(event.eventId())))
                .toList();
    }
}
