package io.mensageria.eventlog.control;

import io.mensageria.messaging.boundary.JmsEventSender;
import io.mensageria.messaging.boundary.OutgoingEvent;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Publishes a backlog's batch (events logged while the broker was away, or faster than one send at a
 * time keeps up with) in one broker transaction of its own: one journal write on the broker for the
 * whole batch instead of one per message. The transaction holds the broker alone and commits in one
 * phase; the relay's database transaction waits, suspended, and marks the batch published only after.
 * For one or two events the XA round trips (start, end, commit) cost more than the sends they save, so
 * the relay sends small batches one synchronous send at a time (BENCHMARKS.md, 2026-12-03).
 *
 * <p>An EJB, for its container transaction: a CDI {@code @Transactional(REQUIRES_NEW)} on the sender
 * itself started a transaction that the resource adapter's connection never joined, and every send
 * stayed a synchronous one (the relay's profile showed it).
 */
@Stateless
public class BacklogPublisher {

    @Inject
    JmsEventSender sender;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void publish(List<OutgoingEvent> events) {
        sender.publishInCallersTransaction(events);
    }
}
