package io.mensageria.eventlog.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Wakes the relay every few seconds for what no commit woke it for: events logged while the broker was down, or before a crash. */
@Singleton
public class RelaySweeper {

    @Inject
    RelayWorker worker;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        worker.wake();
    }
}
