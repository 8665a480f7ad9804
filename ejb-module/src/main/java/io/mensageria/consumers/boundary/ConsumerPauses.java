package io.mensageria.consumers.boundary;

import io.mensageria.alerts.boundary.Alert;
import io.mensageria.audit.boundary.AuditTrail;
import io.mensageria.catalog.boundary.ConsumerQueue;
import io.mensageria.catalog.boundary.ServiceCatalog;
import io.mensageria.consumers.control.HeldMessages;
import io.mensageria.messaging.boundary.JmsEventSender;
import io.mensageria.problems.boundary.RequestRejected;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Which consumer queues are paused, and the pausing and resuming of them. The state is a table, read
 * by every delivery's inbox mark ({@code Inbox.markProcessedUnlessPaused}): a pause holds on every
 * instance at once and across restarts. Each pause and resume is audited and alerted in its own
 * transaction.
 */
@Stateless
public class ConsumerPauses {

    public static final int MAX_REASON = 500;
    private static final Logger LOG = Logger.getLogger(ConsumerPauses.class.getName());

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext caller;

    @Inject
    JmsEventSender sender;

    @EJB
    AuditTrail audit;

    @Inject
    Event<Alert> alerts;

    @Inject
    Event<QueuesResumed> resumed;

    /** One paused queue: why, by whom (an operator, or a kill switch), since when. */
    public record Pause(String queue, String consumer, String reason, String by, Instant at) {}

    /** Queues that run again: their held messages go back to them once the resume has committed. */
    public record QueuesResumed(List<String> queues) {}

    /**
     * Holds a delivery that found its queue paused (the inbox's mark reads the pause): a copy waits,
     * unhandled, in the queue's held queue, and the delivery itself ends as consumed, using up no attempt.
     * Outside any transaction: the broker has stored the copy before the delivery is acknowledged, so
     * that the copy is never lost (a crash in between holds a second copy, which the inbox skips once
     * resumed).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void hold(ConsumerQueue queue, Message message) {
        sender.forward(HeldMessages.of(queue.name()), message);
    }

    public Optional<Pause> of(String queue) {
        return query("where queue = ?1", queue).stream().findFirst();
    }

    public List<Pause> all() {
        return query("", null);
    }

    /** An operator pauses every queue of the consumer; a queue a kill switch paused takes the operator's reason. */
    public void pause(String consumer, String reason) {
        List<ConsumerQueue> queues = queuesOf(consumer);
        String by = caller.getCallerPrincipal().getName();
        String why = reason == null || reason.isBlank() ? "paused by " + by : reason;
        for (ConsumerQueue queue : queues) {
            em.createNativeQuery("""
                            insert into platform.consumer_pauses (queue, consumer, reason, paused_by) values (?, ?, ?, ?)
                            on conflict (queue) do update set reason = excluded.reason, paused_by = excluded.paused_by,
                                paused_at = now()""")
                    .setParameter(1, queue.name())
                    .setParameter(2, consumer)
                    .setParameter(3, why)
                    .setParameter(4, by)
                    .executeUpdate();
        }
        audit.record("PAUSE", target(consumer), why);
        alert("PAUSED", consumer, queues, by, why);
        LOG.info(() -> consumer + " paused by " + by + ": " + why);
    }

    /** An operator resumes every queue of the consumer, whoever paused it. */
    public void resume(String consumer) {
        List<ConsumerQueue> queues = queuesOf(consumer);
        int resumedQueues = em.createNativeQuery("delete from platform.consumer_pauses where consumer = ?")
                .setParameter(1, consumer)
                .executeUpdate();
        if (resumedQueues > 0) {
            String by = caller.getCallerPrincipal().getName();
            audit.record("RESUME", target(consumer), null);
            alert("RESUMED", consumer, queues, by, null);
            resumed.fire(
                    new QueuesResumed(queues.stream().map(ConsumerQueue::name).toList()));
            LOG.info(() -> consumer + " resumed by " + by);
        }
    }

    /**
     * A kill switch pauses one queue, in a transaction of its own (the delivery that trips it rolls
     * back); answers false when the queue was paused already.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean pauseItself(ConsumerQueue queue, String by, String reason) {
        boolean paused = em.createNativeQuery("""
                                insert into platform.consumer_pauses (queue, consumer, reason, paused_by)
                                values (?, ?, ?, ?) on conflict (queue) do nothing""")
                        .setParameter(1, queue.name())
                        .setParameter(2, queue.consumer())
                        .setParameter(3, reason)
                        .setParameter(4, by)
                        .executeUpdate()
                == 1;
        if (paused) {
            audit.recordAs(by, "PAUSE", target(queue.consumer()), queue.name() + ": " + reason);
            alert("PAUSED", queue.consumer(), List.of(queue), by, reason);
            LOG.warning(() -> queue + " paused by the " + by + ": " + reason);
        }
        return paused;
    }

    /** A kill switch resumes the queue it paused, never one an operator paused; false when there was none. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean resumeItself(ConsumerQueue queue, String by) {
        boolean resumedQueue =
                em.createNativeQuery("delete from platform.consumer_pauses where queue = ? and paused_by = ?")
                                .setParameter(1, queue.name())
                                .setParameter(2, by)
                                .executeUpdate()
                        == 1;
        if (resumedQueue) {
            audit.recordAs(by, "RESUME", target(queue.consumer()), queue.name());
            alert("RESUMED", queue.consumer(), List.of(queue), by, null);
            resumed.fire(new QueuesResumed(List.of(queue.name())));
            LOG.info(() -> queue + " resumed by the " + by);
        }
        return resumedQueue;
    }

    /** The audit trail's name for a consumer. */
    static String target(String consumer) {
        return "consumer:" + consumer;
    }

    private static List<ConsumerQueue> queuesOf(String consumer) {
        List<ConsumerQueue> queues = ServiceCatalog.declared()
                .named(consumer)
                .map(service -> service.consumes())
                .orElse(List.of());
        if (queues.isEmpty()) {
            throw RequestRejected.notFound("No consumer " + consumer);
        }
        return queues;
    }

    private void alert(String state, String consumer, List<ConsumerQueue> queues, String by, String reason) {
        JsonObjectBuilder detail = Json.createObjectBuilder()
                .add("consumer", consumer)
                .add("state", state)
                .add("by", by)
                .add(
                        "queues",
                        Json.createArrayBuilder(
                                queues.stream().map(ConsumerQueue::name).toList()));
        if (reason != null) {
            detail.add("reason", reason);
        }
        alerts.fire(new Alert("consumer", detail.build()));
    }

    private List<Pause> query(String where, String parameter) {
        var query = em.createNativeQuery(
                "select queue, consumer, reason, paused_by, paused_at from platform.consumer_pauses " + where
                        + " order by queue");
        if (parameter != null) {
            query.setParameter(1, parameter);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream()
                .map(row -> new Pause(
                        (String) row[0],
                        (String) row[1],
                        (String) row[2],
                        (String) row[3],
                        ((Timestamp) row[4]).toInstant()))
                .toList();
    }
}
