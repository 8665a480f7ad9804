package io.mensageria.eventlog.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** Publishes right after a commit that logged events; the sweeper catches whatever this misses. */
@ApplicationScoped
public class RelayTrigger {

    @Inject
    RelayWorker worker;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventLogged logged) {
        worker.wake();
    }
}
