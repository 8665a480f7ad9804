package io.mensageria.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outage the event log is for: card-added flows accepted while the broker is stopped (each one an
 * event logged, unpublished), then the time from the broker accepting connections again until billing
 * has processed every one of them. The broker is stopped by its pid and started again by the launcher,
 * as an operator would.
 */
final class BacklogDrain {

    record Result(long logged, long processed, double acceptedPerSecond, double drainSeconds) {

        boolean complete() {
            return processed >= logged;
        }
    }

    /** Fast enough to log the backlog in under a minute, slow enough for the request path alone. */
    static final double RATE = 200;

    private static final Duration DEADLINE = Duration.ofMinutes(5);
    private static final String LOG = "backlog-drain-up";

    private BacklogDrain() {}

    static Result measure(
            BenchSettings settings, HttpClient client, Connection database, Workload cardAdded, int events)
            throws IOException, InterruptedException, SQLException {
        Launcher.stop(settings.data().resolve("run/broker.pid"), "broker");
        Instant from = Instant.now();
        OpenLoop.Step accepted =
                OpenLoop.run(client, RATE, Duration.ofMillis(Math.round(events * 1000 / RATE)), cardAdded.flows());
        Instant to = Instant.now();

        Process launcher = Launcher.startUp(settings, Map.of(), LOG);
        long brokerBack = waitForBroker(settings.brokerUrl());
        EndToEnd reading = EndToEnd.of(database, cardAdded, from, to);
        long giveUp = System.nanoTime() + DEADLINE.toNanos();
        while (!reading.drained() && System.nanoTime() < giveUp) {
            Thread.sleep(100);
            reading = EndToEnd.of(database, cardAdded, from, to);
        }
        double drainSeconds = (System.nanoTime() - brokerBack) / 1e9;
        Launcher.awaitUp(launcher, LOG);
        return new Result(reading.logged(), reading.processed(), accepted.acceptedPerSecond(), drainSeconds);
    }

    /** Polls the broker's port until it accepts a connection; answers when (System.nanoTime). */
    private static long waitForBroker(String brokerUrl) throws InterruptedException {
        Matcher address = Pattern.compile("tcp://([^:,)]+):(\\d+)").matcher(brokerUrl);
        if (!address.find()) {
            throw new IllegalArgumentException("no tcp:// address in " + brokerUrl);
        }
        InetSocketAddress broker = new InetSocketAddress(address.group(1), Integer.parseInt(address.group(2)));
        long giveUp = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < giveUp) {
            try (Socket socket = new Socket()) {
                socket.connect(broker, 500);
                return System.nanoTime();
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("the broker did not come back on " + broker);
    }

    static Report.Figure figure(Result result) {
        return new Report.Figure(
                String.format("backlog of %,d card-added events drained", result.logged()),
                result.complete() ? result.drainSeconds() : Double.NaN,
                "s",
                "",
                0,
                "<= 10 s",
                result.complete() && result.drainSeconds() <= 10);
    }
}
