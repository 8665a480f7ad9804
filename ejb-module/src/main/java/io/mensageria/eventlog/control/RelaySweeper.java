package io.mensageria.eventlog.control;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Republishes what the after-commit trigger could not: events logged while the broker was down or before a crash. */
@Singleton
public class RelaySweeper {

    private static final Logger LOG = Logger.getLogger(RelaySweeper.class.getName());

    @EJB
    EventRelay relay;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        try {
            int sent;
            do {
                sent = relay.publishPending();
            } while (sent == EventRelay.BATCH);
        } catch (RuntimeException e) {
            // The events stay in the log unpublished; the next sweep tries again.
            LOG.log(Level.WARNING, "Relay could not publish, will retry: {0}", e.getMessage());
        }
    }
}
