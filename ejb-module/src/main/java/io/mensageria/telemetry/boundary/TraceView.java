package io.mensageria.telemetry.boundary;

import io.mensageria.persistence.boundary.Where;
import io.mensageria.problems.boundary.RequestRejected;
import io.mensageria.telemetry.entity.LogEntry;
import io.mensageria.telemetry.entity.StoredSpan;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
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
            String instance,
            String level,
            String logger,
            String message,
            UUID eventId) {

        static Entry of(LogEntry entry) {
            return new Entry(
                    entry.id(),
                    entry.timestamp().toInstant(),
                    strip(entry.traceId()),
                    strip(entry.spanId()),
                    entry.service(),
                    entry.instance(),
                    entry.level(),
                    entry.logger(),
                    entry.message(),
                    entry.eventId());
        }
    }

    public record SpanView(
            String spanId,
            String parentSpanId,
            String service,
            String instance,
            String name,
            String kind,
            Instant start,
            Instant end,
            String status,
            String error) {

        static SpanView of(StoredSpan span) {
            return new SpanView(
                    strip(span.spanId()),
                    strip(span.parentSpanId()),
                    span.service(),
                    span.instance(),
                    span.name(),
                    span.kind(),
                    span.start().toInstant(),
                    span.end().toInstant(),
                    span.status(),
                    span.error());
        }
    }

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
        List<Entry> entries = em.createQuery(
                        "select e from LogEntry e where e.traceId = :traceId order by e.timestamp, e.id",
                        LogEntry.class)
                .setParameter("traceId", traceId)
                .getResultStream()
                .map(Entry::of)
                .toList();
        List<SpanView> spans = em.createQuery(
                        "select s from StoredSpan s where s.traceId = :traceId order by s.start", StoredSpan.class)
                .setParameter("traceId", traceId)
                .getResultStream()
                .map(SpanView::of)
                .toList();
        if (entries.isEmpty() && spans.isEmpty()) {
            return Optional.empty();
        }
        TreeSet<String> services = new TreeSet<>();
        entries.forEach(e -> services.add(e.service()));
        spans.forEach(s -> services.add(s.service()));
        return Optional.of(new Trace(traceId, List.copyOf(services), entries, spans));
    }

    /**
     * Log entries, newest first (by timestamp, then id), filtered; {@code next} is the {@code before} of
     * the following page: the id of this page's last entry.
     */
    public Page search(Search search) {
        List<Entry> entries = new Where()
                .and("e.service = :service", "service", search.service())
                .and("e.level in :levels", "levels", search.level() == null ? null : levelsFrom(search.level()))
                .and(
                        "lower(e.message) like :text escape '\\'",
                        "text",
                        search.text() == null ? null : containing(search.text()))
                .and("e.timestamp >= :since", "since", search.since())
                .and("e.timestamp < :until", "until", search.until())
                // Keyset paging on (timestamp, id), the order the time filters and their index read in:
                // ordered by id alone, an hour in the middle of a big log made PostgreSQL walk the
                // primary key back from the newest line, seconds at 10M rows (BENCHMARKS.md).
                .and(
                        "e.timestamp <= (select b.timestamp from LogEntry b where b.id = :before)"
                                + " and (e.timestamp < (select c.timestamp from LogEntry c where c.id = :before)"
                                + " or e.id < :before)",
                        "before",
                        search.before())
                .query(em, "select e from LogEntry e", "order by e.timestamp desc, e.id desc", LogEntry.class)
                .setMaxResults(search.limit())
                .getResultStream()
                .map(Entry::of)
                .toList();
        return new Page(entries, Where.next(entries, search.limit(), Entry::id));
    }

    /** This level and every more severe one. */
    static List<String> levelsFrom(String level) {
        return LEVELS.subList(LEVELS.indexOf(level.toUpperCase(Locale.ROOT)), LEVELS.size());
    }

    /** A LIKE pattern, lower-cased, that finds the text anywhere, its own wildcards taken literally. */
    static String containing(String text) {
        return "%"
                + text.toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_") + "%";
    }

    private static String strip(String fixedWidth) {
        return fixedWidth == null ? null : fixedWidth.strip();
    }
}
