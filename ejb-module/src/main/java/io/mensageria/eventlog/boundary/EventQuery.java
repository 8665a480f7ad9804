package io.mensageria.eventlog.boundary;

import io.mensageria.problems.boundary.RequestRejected;
import java.time.OffsetDateTime;

/** Filters of the event log view; null means "any". {@code before} is a position, for paging to older events. */
public record EventQuery(
        String eventType, String traceId, OffsetDateTime since, OffsetDateTime until, Long before, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    public EventQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw RequestRejected.invalid("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (traceId != null && !traceId.matches("[0-9a-f]{32}")) {
            throw RequestRejected.invalid("traceId", "traceId must be 32 lowercase hex digits");
        }
    }
}
