package io.mensageria.telemetry.boundary;

import io.mensageria.problems.boundary.RequestRejected;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/** The central log and the spans, as operators read them: one trace whole, or a search across all. */
@Stateless
public class TraceView {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

    @PersistenceContext
    EntityManager em;

    public record Entry(
            long id,
            Instant timestamp,
            String traceId,
            String spanId,
            String service,
            String level,
            String logger,
            String message,
            UUID eventId) {}

    public record SpanView(
            String spanId,
            String parentSpanId,
            String service,
            String name,
            String kind,
            Instant start,
            Instant end,
            String status,
            String error) {}

    public record Trace(String traceId, List<String> services, List<Entry> entries, List<SpanView> spans) {}

    public record Search(
            String service,
            String level,
            String text,
            OffsetDateTime since,
            OffsetDateTime until,
            Long before,
            int limit) {
        public Search {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw RequestRejected.invalid("limit", "limit must be between 1 and " + MAX_LIMIT);
            }
            if (level != null && !LEVELS.contains(level.toUpperCase())) {
                throw RequestRejected.invalid("level", "level must be one of " + LEVELS);
            }
        }
    }

    public record Page(List<Entry> entries, Long next) {}

    /** Every log entry and span of one trace, in time order; empty when the trace is unknown. */
    public Optional<Trace> trace(String traceId) {
        List<Entry> entries = entries(em.createNativeQuery(ENTRY_COLUMNS + " where trace_id = ? order by timestamp, id")
                .setParameter(1, traceId));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select span_id, parent_span_id, service, name, kind, start_at, end_at, status, error
                        from platform.spans where trace_id = ? order by start_at""").setParameter(1, traceId).getResultList();
        List<SpanView> spans = rows.stream()
                .map(r -> new SpanView(
                        trim(r[0]),
                        trim(r[1]),
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        instant(r[5]),
                        instant(r[6]),
                        (String) r[7],
                        (String) r[8]))
                .toList();
        if (entries.isEmpty() && spans.isEmpty()) {
            return Optional.empty();
        }
        TreeSet<String> services = new TreeSet<>();
        entries.forEach(e -> services.add(e.service()));
        spans.forEach(s -> services.add(s.service()));
        return Optional.of(new Trace(traceId, List.copyOf(services), entries, spans));
    }

    /** Log entries, newest first, filtered; {@code next} is the {@code before} of the following page. */
    public Page search(Search search) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (search.service() != null) {
            conditions.add("service = ?");
            parameters.add(search.service());
        }
        if (search.level() != null) {
            conditions.add("level in ("
                    + String.join(
                            ",",
                            LEVELS.subList(LEVELS.indexOf(search.level().toUpperCase()), LEVELS.size()).stream()
                                    .map(l -> "'" + l + "'")
                                    .toList())
                    + ")");
        }
        if (search.text() != null) {
            conditions.add("message ilike ?");
            parameters.add("%"
                    + search.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (search.since() != null) {
            conditions.add("timestamp >= ?");
            parameters.add(search.since());
        }
        if (search.until() != null) {
            conditions.add("timestamp < ?");
            parameters.add(search.until());
        }
        if (search.before() != null) {
            conditions.add("id < ?");
            parameters.add(search.before());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        Query query = em.createNativeQuery(ENTRY_COLUMNS + where + " order by id desc limit " + search.limit());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        List<Entry> entries = entries(query);
        Long next = entries.size() == search.limit()
                ? entries.get(entries.size() - 1).id()
                : null;
        return new Page(entries, next);
    }

    private static final String ENTRY_COLUMNS = """
            select id, timestamp, trace_id, span_id, service, level, logger, message, event_id
            from platform.log_entries""";

    @SuppressWarnings("unchecked")
    private static List<Entry> entries(Query query) {
        List<Object[]> rows = query.getResultList();
        return rows.stream()
                .map(r -> new Entry(
                        ((Number) r[0]).longValue(),
                        instant(r[1]),
                        trim(r[2]),
                        trim(r[3]),
                        (String) r[4],
                        (String) r[5],
                        (String) r[6],
                        (String) r[7],
                        (UUID) r[8]))
                .toList();
    }

    private static Instant instant(Object value) {
        return value instanceof java.sql.Timestamp timestamp
                ? timestamp.toInstant()
                : value instanceof OffsetDateTime offset ? offset.toInstant() : null;
    }

    private static String trim(Object value) {
        return value == null ? null : ((String) value).strip();
    }
}
