package io.mensageria.eventlog.boundary;

import io.mensageria.audit.boundary.AuditTrail;
import io.mensageria.catalog.boundary.Service;
import io.mensageria.catalog.boundary.ServiceCatalog;
import io.mensageria.eventlog.entity.LoggedEvent;
import io.mensageria.inbound.boundary.Inbox;
import io.mensageria.messaging.boundary.JmsEventSender;
import io.mensageria.messaging.boundary.OutgoingEvent;
import io.mensageria.persistence.boundary.Where;
import io.mensageria.problems.boundary.RequestRejected;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.logging.Logger;

/**
 * Replays logged events to one consumer: the event log is also the event store. Without reprocessing,
 * the consumer's inbox skips what it has processed (useful after a bug that dropped effects without
 * marking them); with it, the consumer's marks for those events are cleared first, so it handles them
 * again, unless its effect must never be repeated.
 */
@Stateless
public class Replay {

    /**
     * At most this many events in one call. The marks are cleared in the call's transaction; a consumer
     * that gets a replayed event before it commits waits on the mark's row, so it sees the outcome.
     */
    public static final int MAX_EVENTS = 10_000;

    private static final Logger LOG = Logger.getLogger(Replay.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    JmsEventSender sender;

    @Inject
    Inbox inbox;

    @Inject
    AuditTrail audit;

    public int replay(
            String consumer, String eventType, OffsetDateTime since, OffsetDateTime until, boolean reprocess) {
        Service service = ServiceCatalog.declared()
                .named(consumer)
                .filter(s -> s.consumes(eventType))
                .orElseThrow(() -> RequestRejected.invalid("consumer", consumer + " does not consume " + eventType));
        if (reprocess && service.reprocessing() == Service.Reprocessing.UNSAFE) {
            throw RequestRejected.conflict(
                    "reprocess",
                    consumer + "'s effect must not be repeated; replay without"
                            + " reprocess to let it skip what it has processed");
        }
        List<LoggedEvent> events = eventsOf(eventType, since, until);
        if (reprocess) {
            inbox.forget(consumer, events.stream().map(LoggedEvent::eventId).toList());
        }
        sender.sendToConsumer(
                consumer,
                events.stream()
                        .map(event -> new OutgoingEvent(event.metadata(), event.payload()))
                        .toList());
        audit.record(
                "REPLAY",
                "consumer:" + consumer,
                events.size() + " " + eventType + (reprocess ? ", to be processed again" : "")
                        + (since == null ? "" : ", since " + since) + (until == null ? "" : ", until " + until));
        LOG.info(() -> "Replayed " + events.size() + " " + eventType + " to " + consumer
                + (reprocess ? ", to be processed again" : ""));
        return events.size();
    }

    private List<LoggedEvent> eventsOf(String eventType, OffsetDateTime since, OffsetDateTime until) {
        List<LoggedEvent> events = new Where()
                .and("e.eventType = :type", "type", eventType)
                .and("e.occurredAt >= :since", "since", since)
                .and("e.occurredAt < :until", "until", until)
                .query(em, "select e from LoggedEvent e", "order by e.position", LoggedEvent.class)
                .setMaxResults(MAX_EVENTS + 1)
                .getResultList();
        if (events.size() > MAX_EVENTS) {
            throw RequestRejected.invalid(
                    "until", "More than " + MAX_EVENTS + " events in range: replay a narrower one");
        }
        return events;
    }
}
