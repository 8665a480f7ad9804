package io.mensageria.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mensageria.catalog.boundary.ServiceCatalog;
import io.mensageria.telemetry.boundary.TraceView;
import io.mensageria.telemetry.control.CentralLogHandler;
import io.mensageria.telemetry.control.TelemetryBuffer;
import jakarta.ejb.EJB;
import java.time.Duration;
import java.util.UUID;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A flood of log lines never blocks the code that logs: the central log drops what it cannot hold, and counts it. */
@ExtendWith(ArquillianExtension.class)
class LogFloodIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.mensageriaWith(LogFloodIT.class);
    }

    @EJB
    TraceView traces;

    @Test
    void moreLinesThanTheBufferHoldsAreDroppedAndCountedWhileTheRestIsStored() {
        String marker = "flood-" + UUID.randomUUID();
        long droppedBefore = TelemetryBuffer.droppedLogs();
        // Its own logger feeding the central log only: the server's log file need not take the flood too.
        // Its package is no service's, so its lines are the platform's.
        Logger flood = Logger.getLogger("io.mensageria.flood." + marker);
        flood.setUseParentHandlers(false);
        flood.addHandler(CentralLogHandler.forApplication());

        for (int line = 0; line < 60_000; line++) {
            flood.info(marker);
        }

        assertTrue(TelemetryBuffer.droppedLogs() > droppedBefore, "the excess was dropped and counted");
        Poll.until(
                Duration.ofSeconds(60),
                "flood lines in the central log",
                () -> traces.search(new TraceView.Search(ServiceCatalog.PLATFORM, null, marker, null, null, null, 10))
                                .entries()
                                .isEmpty()
                        ? null
                        : true);
    }
}
