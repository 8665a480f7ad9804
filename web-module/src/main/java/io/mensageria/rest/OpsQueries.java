package io.mensageria.rest;

import io.mensageria.problems.boundary.RequestRejected;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Query parameters of the ops API, parsed here rather than by JAX-RS (which answers 404 to a parameter
 * it cannot convert), so that a bad one is a 400 naming the parameter.
 */
public final class OpsQueries {

    private OpsQueries() {}

    public static OffsetDateTime instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw RequestRejected.invalid(
                    name, name + " must be an ISO-8601 date-time with offset, e.g. 2026-01-31T12:00:00Z");
        }
    }

    public static Long number(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw RequestRejected.invalid(name, name + " must be a whole number");
        }
    }

    /** A page size: the default when absent; out of range is the query's to refuse, with its own bounds. */
    public static int limit(String value, int defaultLimit) {
        Long requested = number("limit", value);
        return requested == null
                ? defaultLimit
                : (int) Math.max(Integer.MIN_VALUE, Math.min(requested, Integer.MAX_VALUE));
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
