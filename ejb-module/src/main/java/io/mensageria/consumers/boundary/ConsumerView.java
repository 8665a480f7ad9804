package io.mensageria.consumers.boundary;

import java.time.Instant;
import java.util.List;

/**
 * One consumer as GET /ops/consumers shows it: PAUSED when any of its queues is (with the reason, who
 * and since when of the latest pause), and each queue with the messages waiting for it ({@code depth},
 * those held included, or -1 when the broker could not be asked) and those held while it is paused.
 * Absent fields are left out.
 */
public record ConsumerView(
        String consumer, State state, String pausedReason, String pausedBy, Instant pausedAt, List<QueueView> queues) {

    public enum State {
        RUNNING,
        PAUSED
    }

    public record QueueView(String queue, String eventType, State state, long depth, long held) {}
}
