package io.mensageria.instances.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The instances' registry: each writes its heartbeat here, and anyone lists who is running.
 *
 * <p>Plain JDBC, each statement committing on its own, and no enterprise bean: a heartbeat fails
 * whenever the database is down, and a failure inside a container transaction would make the timer
 * that writes it count as failed (twice, and the container cancels it for good).
 */
@ApplicationScoped
public class Instances {

    /** How often each instance writes its row. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(5);
    /** Silent for longer than this (three heartbeats missed), an instance is taken for down. */
    static final Duration SILENT = HEARTBEAT.multipliedBy(3);
    /** Silent for longer than this, an instance is no longer listed (it crashed, or was renamed). */
    static final Duration FORGOTTEN = Duration.ofMinutes(10);

    @Resource(lookup = "jdbc/mensageria")
    DataSource dataSource;

    /** One instance as the others see it; health is UP, DOWN (its own checks failed) or SILENT. */
    public record Instance(String name, String httpAddress, Instant startedAt, Instant seenAt, String health) {}

    /** This instance is alive and found itself healthy (or not); a restart under the same name replaces its row. */
    public void heartbeat(boolean healthy) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement("""
                        insert into platform.instances (name, http_address, started_at, seen_at, health)
                        values (?, ?, ?, now(), ?)
                        on conflict (name) do update set http_address = excluded.http_address,
                            started_at = excluded.started_at, seen_at = excluded.seen_at, health = excluded.health""");
                PreparedStatement forget = connection.prepareStatement(
                        "delete from platform.instances where seen_at < now() - ? * interval '1 second'")) {
            upsert.setString(1, ThisInstance.name());
            upsert.setString(2, ThisInstance.httpAddress().orElse(null));
            upsert.setTimestamp(3, Timestamp.from(ThisInstance.startedAt()));
            upsert.setString(4, healthy ? "UP" : "DOWN");
            upsert.executeUpdate();
            forget.setLong(1, FORGOTTEN.toSeconds());
            forget.executeUpdate();
        }
    }

    /** This instance stops: it is no longer listed (one that crashes is listed SILENT for ten minutes). */
    public void leave() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete =
                        connection.prepareStatement("delete from platform.instances where name = ?")) {
            delete.setString(1, ThisInstance.name());
            delete.executeUpdate();
        }
    }

    /** Every instance heard from in the last ten minutes, by name. */
    public List<Instance> running() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        select name, http_address, started_at, seen_at, health,
                            seen_at < now() - ? * interval '1 second' as silent
                        from platform.instances order by name""")) {
            select.setLong(1, SILENT.toSeconds());
            List<Instance> instances = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    instances.add(new Instance(
                            rows.getString("name"),
                            rows.getString("http_address"),
                            rows.getTimestamp("started_at").toInstant(),
                            rows.getTimestamp("seen_at").toInstant(),
                            rows.getBoolean("silent") ? "SILENT" : rows.getString("health")));
                }
            }
            return instances;
        }
    }
}
