package io.mensageria.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    /**
     * Stops the application server (SIGTERM: it shuts down as on an operator's kill), then `up` starts it
     * again: `up` alone restarts it only when its settings changed.
     */
    static void restartServer(BenchSettings settings, Map<String, String> variables, String log)
            throws IOException, InterruptedException {
        stop(settings.serverPidFile(), "server");
        up(settings, variables, log);
    }

    /** Stops the process whose pid the file holds (SIGTERM), and waits for it to end. */
    static void stop(Path pidFile, String what) throws IOException, InterruptedException {
        long pid = ProcessStats.pidOf(pidFile);
        ProcessHandle process =
                ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no " + what + " " + pid));
        process.destroy();
        try {
            process.onExit().get(2, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the " + what + " " + pid + " did not stop", e);
        }
    }
}
