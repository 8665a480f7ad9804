package io.mensageria.telemetry.control;

import io.mensageria.instances.boundary.ThisInstance;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The central log store: installs {@link CentralLogHandler} on the application's loggers and, for the
 * server's and libraries' warnings, on the root logger; writes what
 * the {@link TelemetryBuffer} collected (log records and spans) to PostgreSQL in batches every second,
 * and deletes what is older than MENSAGERIA_LOG_RETENTION. Every row names the instance that wrote it.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CentralLog {

    static final String APPLICATION_LOGGERS = "io.mensageria";
    static final int BATCH = 1000;
    /** Not under io.mensageria, and left out by the server's handler too: the store's own troubles must not feed back into the store. */
    static final String OWN_LOGGER = "mensageria.centrallog";

    private static final Logger LOG = Logger.getLogger(OWN_LOGGER);

    @Resource(lookup = "jdbc/mensageria")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "mensageria.log.retention", defaultValue = "P7D")
    Duration retention;

    /** "off" only to measure what the central log costs (BENCHMARKS.md); see the README before using it. */
    @Inject
    @ConfigProperty(name = "mensageria.telemetry", defaultValue = "on")
    String telemetry;

    private final CentralLogHandler handler = CentralLogHandler.forApplication();
    private final CentralLogHandler serverHandler = CentralLogHandler.forServer();

    @PostConstruct
    void install() {
        if ("off".equals(telemetry)) {
            LOG.warning("MENSAGERIA_TELEMETRY=off: no log line reaches the central store");
            return;
        }
        Logger.getLogger(APPLICATION_LOGGERS).addHandler(handler);
        Logger.getLogger("").addHandler(serverHandler);
    }

    @PreDestroy
    void uninstall() {
        Logger.getLogger(APPLICATION_LOGGERS).removeHandler(handler);
        Logger.getLogger("").removeHandler(serverHandler);
        write();
    }

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void write() {
        List<TelemetryBuffer.LogEntry> logs;
        while (!(logs = TelemetryBuffer.takeLogs(BATCH)).isEmpty()) {
            writeLogs(logs);
        }
        List<TelemetryBuffer.SpanEntry> spans;
        while (!(spans = TelemetryBuffer.takeSpans(BATCH)).isEmpty()) {
            writeSpans(spans);
        }
    }

    @Schedule(hour = "*", minute = "17", persistent = false)
    void purge() {
        Timestamp cutoff = Timestamp.from(Instant.now().minus(retention));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement logs =
                        connection.prepareStatement("delete from platform.log_entries where timestamp < ?");
                PreparedStatement spans =
                        connection.prepareStatement("delete from platform.spans where start_at < ?")) {
            logs.setTimestamp(1, cutoff);
            spans.setTimestamp(1, cutoff);
            int deleted = logs.executeUpdate() + spans.executeUpdate();
            LOG.fine(() -> "Purged " + deleted + " log entries and spans older than " + retention);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not purge the central log; will try again in an hour", e);
        }
    }

    private void writeLogs(List<TelemetryBuffer.LogEntry> batch) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                     insert into platform.log_entries
                         (timestamp, service, level, logger, message, trace_id, span_id, event_id, instance)
                     values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (TelemetryBuffer.LogEntry entry : batch) {
                insert.setTimestamp(1, Timestamp.from(entry.timestamp()));
                insert.setString(2, entry.service());
                insert.setString(3, entry.level());
                insert.setString(4, entry.logger());
                insert.setString(5, entry.message());
                insert.setString(6, entry.traceId());
                insert.setString(7, entry.spanId());
                insert.setObject(8, entry.eventId(), Types.OTHER);
                insert.setString(9, ThisInstance.name());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            TelemetryBuffer.droppedLogs(batch.size());
            LOG.log(Level.WARNING, "Could not store " + batch.size() + " log entries; counted as dropped", e);
        }
    }

    private void writeSpans(List<TelemetryBuffer.SpanEntry> batch) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                     insert into platform.spans
                         (span_id, trace_id, parent_span_id, service, name, kind, start_at, end_at, status, error,
                          instance)
                     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (span_id) do nothing""")) {
            for (TelemetryBuffer.SpanEntry span : batch) {
                insert.setString(1, span.spanId());
                insert.setString(2, span.traceId());
                insert.setString(3, span.parentSpanId());
                insert.setString(4, span.service());
                insert.setString(5, span.name());
                insert.setString(6, span.kind());
                insert.setTimestamp(7, Timestamp.from(span.start()));
                insert.setTimestamp(8, Timestamp.from(span.end()));
                insert.setString(9, span.status());
                insert.setString(10, span.error());
                insert.setString(11, ThisInstance.name());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            TelemetryBuffer.droppedSpans(batch.size());
            LOG.log(Level.WARNING, "Could not store " + batch.size() + " spans; counted as dropped", e);
        }
    }
}
