package io.mensageria.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/** Where the stack under test is and how long to measure, from system properties set by `./mensageria bench`. */
record BenchSettings(
        String proxyUrl,
        String appUrl,
        String dbUrl,
        String dbUser,
        String dbPassword,
        String brokerUrl,
        String brokerUser,
        String brokerPassword,
        Path serverPidFile,
        Path data,
        Path launcher,
        Path results,
        Instant launchedAt,
        boolean quick,
        boolean profile) {

    /** Addresses and paths from -D properties; passwords from the stack's data folder, never the command line. */
    static BenchSettings fromSystemProperties() {
        Path data = Path.of(required("bench.data"));
        return new BenchSettings(
                required("bench.proxy.url"),
                required("bench.app.url"),
                required("bench.db.url"),
                required("bench.db.user"),
                secret(data, "db-owner-password"),
                required("bench.broker.url"),
                required("bench.broker.user"),
                secret(data, "broker-password"),
                Path.of(required("bench.server.pid")),
                data,
                Path.of(required("bench.launcher")),
                Path.of(required("bench.results")),
                Instant.ofEpochSecond(Long.parseLong(required("bench.launched.at"))),
                Boolean.getBoolean("bench.quick"),
                Boolean.getBoolean("bench.profile"));
    }

    /** HTTP Basic for the ops API, with the password the launcher keeps in the stack's data folder. */
    String opsAuthorization() {
        String password = secret(data, "ops-password");
        return "Basic " + Base64.getEncoder().encodeToString(("ops:" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A secret the launcher generated into the stack's data folder. */
    private static String secret(Path data, String name) {
        try {
            return Files.readString(data.resolve("secrets").resolve(name)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How long one ladder step runs. */
    Duration step() {
        return quick ? Duration.ofSeconds(8) : Duration.ofSeconds(15);
    }

    /** How long one limit of the machine is measured: a steady loop, which settles sooner than a ladder step. */
    Duration limitRun() {
        return quick ? Duration.ofSeconds(5) : Duration.ofSeconds(10);
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing -D" + name);
        }
        return value;
    }
}
