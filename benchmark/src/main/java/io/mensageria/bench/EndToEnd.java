package io.mensageria.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * End-to-end latency from the system's own timestamps: the {@code occurred_at} of a flow's first event
 * in the event log (written by the request that accepted it) to the inbox mark of the last consumer of
 * its last event, found by the trace both share (written in the consumer's transaction, at its start: a
 * few milliseconds short of its commit).
 */
record EndToEnd(long logged, long processed, double p50Millis, double p99Millis) {

    private static final String QUERY = """
            with firsts as (
                select trace_id, occurred_at from platform.event_log
                where event_type = ? and occurred_at >= ? and occurred_at < ?),
            done as (
                select f.trace_id, extract(epoch from max(i.processed_at) - f.occurred_at) * 1000 as took
                from firsts f
                join platform.event_log last on last.trace_id = f.trace_id and last.event_type = ?
                join platform.inbox i on i.event_id = last.event_id
                group by f.trace_id, f.occurred_at having count(*) >= ?)
            select (select count(*) from firsts), count(*),
                percentile_cont(0.5) within group (order by took), percentile_cont(0.99) within group (order by took)
            from done""";

    boolean drained() {
        return processed >= logged;
    }

    static EndToEnd of(Connection connection, Workload workload, Instant from, Instant to) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(QUERY)) {
            query.setString(1, workload.firstEvent());
            query.setTimestamp(2, Timestamp.from(from));
            query.setTimestamp(3, Timestamp.from(to));
            query.setString(4, workload.lastEvent());
            query.setInt(5, workload.consumers());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new EndToEnd(row.getLong(1), row.getLong(2), row.getDouble(3), row.getDouble(4));
            }
        }
    }

    /** Waits until every event of the window has been processed, or the deadline passes; answers the last reading. */
    static EndToEnd afterDrain(Connection connection, Workload workload, Instant from, Instant to, Duration deadline)
            throws SQLException, InterruptedException {
        long giveUp = System.nanoTime() + deadline.toNanos();
        EndToEnd reading = of(connection, workload, from, to);
        while (!reading.drained() && System.nanoTime() < giveUp) {
            Thread.sleep(250);
            reading = of(connection, workload, from, to);
        }
        return reading;
    }
}
