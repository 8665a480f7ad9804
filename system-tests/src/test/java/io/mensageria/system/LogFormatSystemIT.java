package io.mensageria.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * MENSAGERIA_LOG_FORMAT=json makes the application's log JSON lines, one object per record, for log
 * shippers (Fluent Bit, Vector, Promtail); text, the default, is Payara's own format. `up` switches it:
 * Payara Server's server.log while it runs, and each Payara Micro instance's log by restarting it. In
 * either format, no log the stack writes holds a secret.
 */
class LogFormatSystemIT {

    /** Payara Server's log, and the Payara Micro instances' logs when the stack is scaled out. */
    private static final List<Path> APPLICATION_LOGS = List.of(
            Stack.DATA.resolve("payara/mensageria/logs/server.log"),
            Stack.DATA.resolve("logs/instance-1.log"),
            Stack.DATA.resolve("logs/instance-2.log"));

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

    /**
     * Secrets reach the servers through their environment and files, never a log a shipper might take
     * away: neither asadmin's echo of a setting nor Payara Micro's of its boot commands.
     */
    @Test
    void noLogTheStackWritesHoldsASecret() throws IOException {
        List<String> secrets = secretLines();
        assertFalse(secrets.isEmpty());
        for (Path log : logFiles()) {
            // Latin-1 reads any byte: a log is not always valid UTF-8.
            String text = Files.readString(log, StandardCharsets.ISO_8859_1);
            for (String secret : secrets) {
                assertFalse(text.contains(secret), log + " holds a secret");
            }
        }
    }

    /** Every line of every secret the launcher generated (the private key's too), not the public key. */
    private static List<String> secretLines() throws IOException {
        try (Stream<Path> files = Files.list(Stack.DATA.resolve("secrets"))) {
            return files.filter(file -> !file.getFileName().toString().contains("public"))
                    .flatMap(file -> lines(file).stream())
                    .map(String::strip)
                    .filter(line -> line.length() >= 16 && !line.startsWith("-----"))
                    .toList();
        }
    }

    /** The launcher's logs, the servers' and the proxy's. */
    private static List<Path> logFiles() throws IOException {
        List<Path> logs = new ArrayList<>();
        for (String folder : List.of("logs", "payara/mensageria/logs", "nginx")) {
            Path dir = Stack.DATA.resolve(folder);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(Files::isRegularFile)
                            .filter(file -> file.getFileName().toString().contains(".log"))
                            .forEach(logs::add);
                }
            }
        }
        return logs;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The log line holding this text, once it is written (by whichever server took the request). */
    private static String lineWith(String text) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> firstLineWith(text), Optional::isPresent)
                .orElseThrow();
    }

    private static Optional<String> firstLineWith(String text) {
        return APPLICATION_LOGS.stream()
                .filter(Files::exists)
                .flatMap(log -> firstLineWith(text, log).stream())
                .findFirst();
    }

    private static Optional<String> firstLineWith(String text, Path log) {
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.contains(text)).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
