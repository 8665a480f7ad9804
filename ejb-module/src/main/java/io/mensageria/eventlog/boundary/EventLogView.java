package io.mensageria.eventlog.boundary;

import io.mensageria.eventlog.control.ConsumerStates;
import io.mensageria.eventlog.entity.LoggedEvent;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
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
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        addCondition(conditions, parameters, "e.eventType = :type", "type", query.eventType());
        addCondition(conditions, parameters, "e.traceId = :traceId", "traceId", query.traceId());
        addCondition(conditions, parameters, "e.occurredAt >= :since", "since", query.since());
        addCondition(conditions, parameters, "e.occurredAt < :until", "until", query.until());
        addCondition(conditions, parameters, "e.position < :before", "before", query.before());
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        TypedQuery<LoggedEvent> select =
                em.createQuery("select e from LoggedEvent e" + where + " order by e.position desc", LoggedEvent.class);
        parameters.forEach(select::setParameter);
        List<LoggedEvent> events = select.setMaxResults(query.limit()).getResultList();

        Map<UUID, String> types = new LinkedHashMap<>();
        events.forEach(event -> types.put(event.eventId(), event.eventType()));
        Map<UUID, Map<String, ConsumerState>> states = consumerStates.of(types);
        return events.stream()
                .map(event -> view(event, states.get(event.eventId())))
                .toList();
    }

    private static void addCondition(
            List<String> conditions, Map<String, Object> parameters, String condition, String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(name, value);
        }
    }

    private static LoggedEventView view(LoggedEvent event, Map<String, ConsumerState> consumers) {
        var metadata = event.metadata();
        return new LoggedEventView(
                event.position(),
                event.eventId(),
                event.eventType(),
                event.occurredAt(),
                event.traceId(),
                metadata.causationId(),
                metadata.producer(),
                event.payload(),
                event.publishedAt(),
                consumers);
    }
}
