package io.mensageria.telemetry.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mensageria.telemetry.boundary.CurrentEvent;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.LogRecord;
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

    @Test
    void theServersHandlerTakesOtherLoggersWarningsOnlyAsServiceServer() {
        TelemetryBuffer.takeLogs(TelemetryBuffer.CAPACITY);
        CentralLogHandler server = CentralLogHandler.forServer();
        server.publish(record(Level.WARNING, "org.eclipse.persistence.session", "pool exhausted"));
        server.publish(record(Level.SEVERE, "jakarta.enterprise.ejb.container", "system exception"));
        server.publish(record(Level.INFO, "jakarta.enterprise.web", "started"));
        server.publish(record(Level.WARNING, "io.mensageria.billing.boundary.Payments", "stored by the other handler"));
        server.publish(record(Level.WARNING, "mensageria.centrallog", "the store's own trouble"));

        List<TelemetryBuffer.LogEntry> stored = TelemetryBuffer.takeLogs(TelemetryBuffer.CAPACITY);
        assertEquals(
                List.of("pool exhausted", "system exception"),
                stored.stream().map(TelemetryBuffer.LogEntry::message).toList());
        assertEquals(
                List.of("server", "server"),
                stored.stream().map(TelemetryBuffer.LogEntry::service).toList());
        assertEquals(
                List.of("WARN", "ERROR"),
                stored.stream().map(TelemetryBuffer.LogEntry::level).toList());
    }

    private static LogRecord record(Level level, String logger, String message) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName(logger);
        return record;
    }
}
