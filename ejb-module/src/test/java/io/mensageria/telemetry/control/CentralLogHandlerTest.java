package io.mensageria.telemetry.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mensageria.telemetry.boundary.CurrentEvent;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class CentralLogHandlerTest {

    @Test
    void javaUtilLoggingLevelsBecomeTheStoresFiveLevels() {
        assertEquals("ERROR", CentralLogHandler.levelOf(Level.SEVERE));
        assertEquals("WARN", CentralLogHandler.levelOf(Level.WARNING));
        assertEquals("INFO", CentralLogHandler.levelOf(Level.INFO));
        assertEquals("DEBUG", CentralLogHandler.levelOf(Level.CONFIG));
        assertEquals("DEBUG", CentralLogHandler.levelOf(Level.FINE));
        assertEquals("TRACE", CentralLogHandler.levelOf(Level.FINER));
        assertEquals("TRACE", CentralLogHandler.levelOf(Level.FINEST));
        assertEquals("ERROR", CentralLogHandler.levelOf(Level.parse("1100")), "above SEVERE");
    }

    @Test
    void aLineBelongsToTheConsumerAtWorkElseToTheServiceOfItsPackage() {
        assertEquals("wallet", CentralLogHandler.serviceOf("io.mensageria.wallet.boundary.Wallet"));
        assertEquals("platform", CentralLogHandler.serviceOf("io.mensageria.eventlog.control.EventRelay"));
        CurrentEvent.handling("billing", UUID.randomUUID());
        try {
            assertEquals("billing", CentralLogHandler.serviceOf("io.mensageria.gateway.boundary.PaymentGatewayClient"));
        } finally {
            CurrentEvent.done();
        }
        assertEquals("platform", CentralLogHandler.serviceOf("io.mensageria.gateway.boundary.PaymentGatewayClient"));
    }
}
