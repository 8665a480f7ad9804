package io.mensageria.eventlog.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one thread that publishes logged events. Every commit that logged events wakes it
 * ({@link RelayTrigger}), and so does the sweeper every few seconds; one pass publishes everything
 * unpublished, in batches, so that commits arriving together are published together. (An
 * {@code @Asynchronous} call per commit cost a managed-context capture each and a relay transaction
 * each, however many commits came at once.)
 */
@ApplicationScoped
public class RelayWorker {

    private static final Logger LOG = Logger.getLogger(RelayWorker.class.getName());
    private static final long STOP_WAIT_MS = 5000;

    @Resource
    ManagedThreadFactory threads;

    @EJB
    EventRelay relay;

    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    private boolean failing;

    // Synchronized, and once only: an application of several modules may announce its start more than once.
    synchronized void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        if (worker != null) {
            return;
        }
        running = true;
        worker = threads.newThread(this::work);
        worker.setName("mensageria-relay");
        worker.start();
    }

    /** Asks for a pass; passes asked for while one runs become one more pass. */
    public void wake() {
        wakeUps.release();
    }

    @PreDestroy
    void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(STOP_WAIT_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void work() {
        while (running) {
            try {
                wakeUps.acquire();
                // Every commit woken for so far is served by this pass: its query starts after them.
                wakeUps.drainPermits();
                publishEverything();
            } catch (InterruptedException stopping) {
                return;
            }
        }
    }

    private void publishEverything() {
        try {
            int sent;
            do {
                sent = relay.publishPending();
            } while (sent == EventRelay.BATCH);
            if (failing) {
                failing = false;
                LOG.info("Relay publishes again");
            }
        } catch (RuntimeException e) {
            // The events stay in the log unpublished; the sweeper's next wake-up tries again.
            LOG.log(failing ? Level.FINE : Level.WARNING, "Relay could not publish, will retry: {0}", e.getMessage());
            failing = true;
        }
    }
}
