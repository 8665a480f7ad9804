package io.mensageria.consumers.control;

import io.mensageria.consumers.boundary.ConsumerTimes;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Writes this instance's consumer minutes every 5 s, and once more on a clean stop. */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ConsumerTimesWriter {

    private static final Logger LOG = Logger.getLogger(ConsumerTimesWriter.class.getName());

    @Inject
    ConsumerTimes times;

    /** Never throws: a timeout that fails twice in a row is cancelled by the container for good. */
    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void write() {
        try {
            times.write();
        } catch (SQLException | RuntimeException e) {
            // The database is down: the counts stay in memory and are written next time.
            LOG.log(Level.FINE, "Consumer minutes not written now", e);
        }
    }

    @PreDestroy
    void lastWrite() {
        write();
    }
}
