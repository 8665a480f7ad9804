package io.mensageria.consumers.control;

import io.mensageria.catalog.boundary.ConsumerQueue;
import io.mensageria.catalog.boundary.ServiceCatalog;
import io.mensageria.consumers.boundary.ConsumerPauses;
import io.mensageria.messaging.boundary.BrokerStatistics;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Sends held messages back to their queues once they run again: at once on resume (on the managed
 * executor, after the resume has committed), and every few seconds on every instance for any running
 * queue the broker still counts held messages for (a delivery held by an instance that read the pause
 * just before the resume committed, a resume on an instance that crashed halfway).
 */
@Singleton
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HeldMessagesReturn {

    private static final Logger LOG = Logger.getLogger(HeldMessagesReturn.class.getName());

    @EJB
    HeldMessages held;

    @EJB
    ConsumerPauses pauses;

    @EJB
    BrokerStatistics broker;

    @Resource
    ManagedExecutorService executor;

    public void resumed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConsumerPauses.QueuesResumed resumed) {
        executor.submit(() -> resumed.queues().forEach(this::returnAll));
    }

    /** Never throws: a timeout that fails twice in a row is cancelled by the container for good. */
    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void sweep() {
        try {
            Set<String> paused =
                    pauses.all().stream().map(ConsumerPauses.Pause::queue).collect(Collectors.toSet());
            List<String> waiting = ServiceCatalog.declared().consumerQueues().stream()
                    .map(ConsumerQueue::name)
                    .filter(queue -> !paused.contains(queue) && broker.depth(HeldMessages.of(queue)) > 0)
                    .toList();
            waiting.forEach(this::returnAll);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Held messages not returned now, next time", e);
        }
    }

    /** Moves a queue's held messages back batch by batch, until none is left or the queue is paused again. */
    private void returnAll(String queue) {
        try {
            int returned = 0;
            int moved;
            do {
                moved = held.moveBack(queue);
                returned += moved;
            } while (moved == HeldMessages.BATCH && pauses.of(queue).isEmpty());
            if (returned > 0) {
                int total = returned;
                LOG.info(() -> total + " held messages returned to " + queue);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Held messages of " + queue + " not returned yet, the sweep tries again", e);
        }
    }
}
