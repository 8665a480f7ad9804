package io.mensageria.consumers.boundary;

import io.mensageria.consumers.control.LatencyBuckets;
import io.mensageria.instances.boundary.ThisInstance;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * Each consumer's service level, minute by minute: how many deliveries it processed and failed, and
 * the distributions of processing time (delivery to commit) and critical time (event occurred to
 * commit). Each instance counts its own minutes in memory and writes them every few seconds to
 * {@code platform.consumer_minutes}; read back, the minutes of every instance add up.
 *
 * <p>Plain JDBC, each statement committing on its own: the writing runs on a timer, and a failure
 * inside a container transaction would make the container cancel that timer (twice, and for good).
 */
@ApplicationScoped
public class ConsumerTimes {

    /** Minutes older than this are deleted. */
    static final Duration KEPT = Duration.ofDays(1);

    @Resource(lookup = "jdbc/mensageria")
    DataSource dataSource;

    private record Key(Instant minute, String consumer, String eventType) {}

    private static final class Counts {
        final LongAdder processed = new LongAdder();
        final LongAdder failed = new LongAdder();
        final AtomicLongArray processing = new AtomicLongArray(LatencyBuckets.COUNT);
        final AtomicLongArray critical = new AtomicLongArray(LatencyBuckets.COUNT);
    }

    /** One minute of one consumer and event type, all instances added up. */
    public record Minute(
            Instant minute,
            String consumer,
            String eventType,
            long processed,
            long failed,
            long[] processingMs,
            long[] criticalMs) {}

    private final Map<Key, Counts> minutes = new ConcurrentHashMap<>();

    /** A delivery committed: it took {@code processing} since it arrived, {@code critical} since its event occurred. */
    public void processed(String consumer, String eventType, Duration processing, Duration critical) {
        Counts counts = countsNow(consumer, eventType);
        counts.processed.increment();
        counts.processing.incrementAndGet(LatencyBuckets.bucketOf(processing));
        counts.critical.incrementAndGet(LatencyBuckets.bucketOf(critical.isNegative() ? Duration.ZERO : critical));
    }

    public void failed(String consumer, String eventType) {
        countsNow(consumer, eventType).failed.increment();
    }

    private Counts countsNow(String consumer, String eventType) {
        return minutes.computeIfAbsent(
                new Key(Instant.now().truncatedTo(ChronoUnit.MINUTES), consumer, eventType), key -> new Counts());
    }

    /**
     * Writes this instance's minutes (each row holds the minute's totals so far, so writing it again is
     * harmless), forgets those long over, and deletes the rows older than {@link #KEPT}.
     */
    public void write() throws SQLException {
        Instant current = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement("""
                        insert into platform.consumer_minutes
                            (minute, instance, consumer, event_type, processed, failed, processing_ms, critical_ms)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (minute, instance, consumer, event_type) do update set
                            processed = excluded.processed, failed = excluded.failed,
                            processing_ms = excluded.processing_ms, critical_ms = excluded.critical_ms""");
                PreparedStatement forget = connection.prepareStatement(
                        "delete from platform.consumer_minutes where minute < now() - ? * interval '1 second'")) {
            for (Map.Entry<Key, Counts> entry : minutes.entrySet()) {
                Key key = entry.getKey();
                Counts counts = entry.getValue();
                upsert.setTimestamp(1, Timestamp.from(key.minute()));
                upsert.setString(2, ThisInstance.name());
                upsert.setString(3, key.consumer());
                upsert.setString(4, key.eventType());
                upsert.setLong(5, counts.processed.sum());
                upsert.setLong(6, counts.failed.sum());
                upsert.setArray(7, array(connection, counts.processing));
                upsert.setArray(8, array(connection, counts.critical));
                upsert.executeUpdate();
                // Kept one minute longer than it lasts, so that a count that came late is written too.
                if (key.minute().isBefore(current.minus(1, ChronoUnit.MINUTES))) {
                    minutes.remove(key, counts);
                }
            }
            forget.setLong(1, KEPT.toSeconds());
            forget.executeUpdate();
        }
    }

    /** Every minute since then, all instances added up, oldest first. */
    public List<Minute> since(Instant since) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        select minute, consumer, event_type, processed, failed, processing_ms, critical_ms
                        from platform.consumer_minutes where minute >= ? order by minute""")) {
            select.setTimestamp(1, Timestamp.from(since.truncatedTo(ChronoUnit.MINUTES)));
            Map<Key, Minute> added = new LinkedHashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Key key = new Key(
                            rows.getTimestamp("minute").toInstant(),
                            rows.getString("consumer"),
                            rows.getString("event_type"));
                    Minute row = new Minute(
                            key.minute(),
                            key.consumer(),
                            key.eventType(),
                            rows.getLong("processed"),
                            rows.getLong("failed"),
                            longs(rows.getArray("processing_ms")),
                            longs(rows.getArray("critical_ms")));
                    added.merge(key, row, ConsumerTimes::add);
                }
            }
            return new ArrayList<>(added.values());
        }
    }

    private static Minute add(Minute one, Minute other) {
        long[] processing = one.processingMs().clone();
        long[] critical = one.criticalMs().clone();
        LatencyBuckets.addTo(processing, other.processingMs());
        LatencyBuckets.addTo(critical, other.criticalMs());
        return new Minute(
                one.minute(),
                one.consumer(),
                one.eventType(),
                one.processed() + other.processed(),
                one.failed() + other.failed(),
                processing,
                critical);
    }

    private static Array array(Connection connection, AtomicLongArray counts) throws SQLException {
        Long[] values = new Long[counts.length()];
        for (int bucket = 0; bucket < values.length; bucket++) {
            values[bucket] = counts.get(bucket);
        }
        return connection.createArrayOf("bigint", values);
    }

    private static long[] longs(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        long[] counts = new long[LatencyBuckets.COUNT];
        for (int bucket = 0; bucket < Math.min(values.length, counts.length); bucket++) {
            counts[bucket] = ((Number) values[bucket]).longValue();
        }
        return counts;
    }
}
