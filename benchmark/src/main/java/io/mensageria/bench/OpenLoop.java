package io.mensageria.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Open-loop load: requests leave at a fixed rate whatever the server does, and each latency is measured
 * from when its request was due, not from when it could be sent, so that a slow server cannot hide its
 * queue (no coordinated omission).
 */
final class OpenLoop {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private OpenLoop() {}

    /** What one step of constant-rate load saw. Latencies in microseconds. */
    record Step(double offered, long sent, long ok, long errors, Histogram latency, Instant start, Instant end) {

        double acceptedPerSecond() {
            return ok * 1e9 / Duration.between(start, end).toNanos();
        }

        double percentileMillis(double percentile) {
            return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    static Step run(HttpClient client, double rate, Duration duration, Supplier<Flow> flows)
            throws InterruptedException {
        Histogram latency = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long count = Math.max(1, Math.round(rate * duration.toNanos() / 1e9));
        long interval = Math.round(1e9 / rate);
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        Instant start = Instant.now();
        long first = System.nanoTime();
        for (long i = 0; i < count; i++) {
            long due = first + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.add(flows.get().send(client).whenComplete((status, failure) -> {
                latency.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
                if (failure == null && status < 300) {
                    ok.incrementAndGet();
                } else {
                    errors.incrementAndGet();
                }
            }));
        }
        try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                    .handle((done, failure) -> null)
                    .get(REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            // Whatever has not completed by now counts below as neither ok nor error: it is an error.
        }
        Instant end = Instant.now();
        long unanswered = count - ok.get() - errors.get();
        return new Step(rate, count, ok.get(), errors.get() + Math.max(0, unanswered), latency, start, end);
    }
}
