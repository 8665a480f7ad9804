package io.mensageria.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * MENSAGERIA_LOG_FORMAT=json makes server.log JSON lines, one object per record, for log shippers
 * (Fluent Bit, Vector, Promtail); text, the default, is Payara's own format. `up` switches it on a
 * running server.
 */
class LogFormatSystemIT {

    private static final Path SERVER_LOG = Stack.DATA.resolve("payara/mensageria/logs/server.log");

    @AfterAll
    static void backToTheSuitesSettings() throws Exception {
        Faults.launcher(Map.of(), "up");
    }

    @Test
    void jsonMakesEachServerLogRecordAJsonObjectAndTextMakesItPayarasFormatAgain() throws Exception {
        Faults.launcher(Map.of("MENSAGERIA_LOG_FORMAT", "json"), "up");
        String registered = "Registered user " + Account.register("Jo Json").id();
        JsonObject record = Stack.parse(lineWith(registered)).asJsonObject();
        assertEquals(registered, record.getString("LogMessage"));
        assertEquals("INFO", record.getString("Level"));
        assertEquals("io.mensageria.accounts.boundary.Accounts", record.getString("LoggerName"));

        Faults.launcher(Map.of(), "up");
        String line = lineWith("Registered user " + Account.register("Tex Text").id());
        assertThrows(JsonException.class, () -> Stack.parse(line), line);
    }

    /** The server.log line holding this text, once it is written. */
    private static String lineWith(String text) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> firstLineWith(text), Optional::isPresent)
                .orElseThrow();
    }

    private static Optional<String> firstLineWith(String text) {
        try (var lines = Files.lines(SERVER_LOG)) {
            return lines.filter(l -> l.contains(text)).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
