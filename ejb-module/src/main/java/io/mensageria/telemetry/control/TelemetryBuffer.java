package io.mensageria.telemetry.control;

import io.mensageria.persistence.boundary.StorableText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where log records and finished spans wait for {@link CentralLog} to write them. Bounded, and never
 * blocking: when it is full a record is dropped and counted, so that logging can never slow or fail a
 * request. Static because its producers (a java.util.logging handler, the OpenTelemetry SDK's exporter)
 * are created outside CDI.
 */
public final class TelemetryBuffer {

    public record LogEntry(
            Instant timestamp,
            String service,
            String level,
            String logger,
            String message,
            String traceId,
            String spanId,
            UUID eventId) {

        /** Each value fits its column of platform.log_entries, so no entry can fail the batch it is written in. */
        public LogEntry {
            service = StorableText.of(service, 50);
            level = StorableText.of(level, 10);
            logger = StorableText.of(logger, 200);
            message = StorableText.of(message, MAX_TEXT);
        }
    }

    public record SpanEntry(
            String traceId,
            String spanId,
            String parentSpanId,
            String service,
            String name,
            String kind,
            Instant start,
            Instant end,
            String status,
            String error) {

        /** Each value fits its column of platform.spans: a 250-character HTTP method is a span name too. */
        public SpanEntry {
            service = StorableText.of(service, 50);
            name = StorableText.of(name, 200);
            kind = StorableText.of(kind, 20);
            status = StorableText.of(status, 10);
            error = StorableText.of(error, MAX_TEXT);
        }
    }

    /** Longer messages and errors (a stack trace of a deep recursion, say) are cut here. */
    static final int MAX_TEXT = 32_000;

    static final int CAPACITY = 20_000;

    private static final BlockingQueue<LogEntry> LOGS = new ArrayBlockingQueue<>(CAPACITY);
    private static final BlockingQueue<SpanEntry> SPANS = new ArrayBlockingQueue<>(CAPACITY);
    private static final AtomicLong DROPPED_LOGS = new AtomicLong();
    private static final AtomicLong DROPPED_SPANS = new AtomicLong();

    private TelemetryBuffer() {}

    public static void offer(LogEntry entry) {
        if (!LOGS.offer(entry)) {
            DROPPED_LOGS.incrementAndGet();
        }
    }

    public static void offer(SpanEntry span) {
        if (!SPANS.offer(span)) {
            DROPPED_SPANS.incrementAndGet();
        }
    }

    static List<LogEntry> takeLogs(int max) {
        List<LogEntry> batch = new ArrayList<>(Math.min(max, LOGS.size()));
        LOGS.drainTo(batch, max);
        return batch;
    }

    static List<SpanEntry> takeSpans(int max) {
        List<SpanEntry> batch = new ArrayList<>(Math.min(max, SPANS.size()));
        SPANS.drainTo(batch, max);
        return batch;
    }

    /** Log records dropped since start because the buffer was full (or the store could not take them). */
    public static long droppedLogs() {
        return DROPPED_LOGS.get();
    }

    public static long droppedSpans() {
        return DROPPED_SPANS.get();
    }

    static void droppedLogs(int count) {
        DROPPED_LOGS.addAndGet(count);
    }

    static void droppedSpans(int count) {
        DROPPED_SPANS.addAndGet(count);
    }
}
