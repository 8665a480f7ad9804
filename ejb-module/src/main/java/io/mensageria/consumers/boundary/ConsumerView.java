package io.mensageria.consumers.boundary;

import java.time.Instant;
import java.util.List;

/**
 * One consumer as GET /ops/consumers shows it: PAUSED when any of its queues is (with the reason, who
 * and since when of the latest pause); each queue with the messages waiting for it ({@code depth},
 * those held included, or -1 when the broker could not be asked) and those held while it is paused;
 * and its service level over the last 15 minutes, on every instance: deliveries processed and failed,
 * p50 and p99 of processing time (arrival to commit) and of critical time (event occurred to commit),
 * and the same minute by minute, for a chart. Absent fields are left out.
 */
public record ConsumerView(
        String consumer,
        State state,
        String pausedReason,
        String pausedBy,
        Instant pausedAt,
        List<QueueView> queues,
        long processed,
        long failed,
        Percentiles processingMs,
        Percentiles criticalMs,
        List<MinuteView> minutes) {

    public enum State {
        RUNNING,
        PAUSED
    }

    public record QueueView(String queue, String eventType, State state, long depth, long held) {}

    /** Upper bounds within 19% (the buckets of {@code LatencyBuckets}); 0 when nothing was processed. */
    public record Percentiles(double p50, double p99) {}

    public record MinuteView(Instant minute, long processed, long failed, double p99CriticalMs) {}
}
