package io.mensageria.bench;

import java.nio.file.Path;
import java.time.Duration;

/** Where the stack under test is and how long to measure, from system properties set by `./mensageria bench`. */
record BenchSettings(
        String proxyUrl,
        String dbUrl,
        String dbUser,
        String dbPassword,
        String brokerUrl,
        String brokerUser,
        String brokerPassword,
        Path serverPidFile,
        Path results,
        boolean quick,
        boolean profile) {

    static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                required("bench.proxy.url"),
                required("bench.db.url"),
                required("bench.db.user"),
                System.getProperty("bench.db.password", ""),
                required("bench.broker.url"),
                required("bench.broker.user"),
                required("bench.broker.password"),
                Path.of(required("bench.server.pid")),
                Path.of(required("bench.results")),
                Boolean.getBoolean("bench.quick"),
                Boolean.getBoolean("bench.profile"));
    }

    /** How long one measurement (a limit, a ladder step) runs. */
    Duration step() {
        return quick ? Duration.ofSeconds(8) : Duration.ofSeconds(20);
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing -D" + name);
        }
        return value;
    }
}
