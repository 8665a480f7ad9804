package io.mensageria.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** `./mensageria up` run by the benchmark, as an operator would, with the bench's own environment. */
final class Launcher {

    private Launcher() {}

    /** Starts `up` with these variables added; its output goes to results/{@code log}.log. */
    static Process startUp(BenchSettings settings, Map<String, String> variables, String log) throws IOException {
        Files.createDirectories(settings.results());
        ProcessBuilder up = new ProcessBuilder(settings.launcher().toString(), "up")
                .redirectErrorStream(true)
                .redirectOutput(settings.results().resolve(log + ".log").toFile());
        up.environment().putAll(variables);
        return up.start();
    }

    /** Waits for an `up` to succeed. */
    static void awaitUp(Process up, String log) throws InterruptedException {
        if (!up.waitFor(5, TimeUnit.MINUTES) || up.exitValue() != 0) {
            throw new IllegalStateException("./mensageria up failed: see " + log + ".log in the results");
        }
    }

    static void up(BenchSettings settings, Map<String, String> variables, String log)
            throws IOException, InterruptedException {
        awaitUp(startUp(settings, variables, log), log);
    }
}
