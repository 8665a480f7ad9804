package io.mensageria.telemetry.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TelemetryBufferTest {

    @Test
    void aSpanNamedByAClientFitsItsColumn() {
        TelemetryBuffer.SpanEntry span = new TelemetryBuffer.SpanEntry(
                "0".repeat(32),
                "1".repeat(16),
                null,
                "platform",
                "X".repeat(250) + " /api/plans",
                "SERVER",
                Instant.EPOCH,
                Instant.EPOCH,
                "OK",
                "bad\u0000value");

        assertEquals(200, span.name().length());
        assertEquals("badvalue", span.error());
    }

    @Test
    void aLogLineWithANulFitsItsColumn() {
        TelemetryBuffer.LogEntry entry = new TelemetryBuffer.LogEntry(
                Instant.EPOCH, "accounts", "INFO", "io.mensageria.x", "user typed \u0000", null, null, null);

        assertEquals("user typed ", entry.message());
    }
}
