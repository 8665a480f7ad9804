package io.mensageria.problems.boundary;

import jakarta.ejb.ApplicationException;
import java.time.Duration;
import java.util.Map;

/**
 * A client's request that the services refuse: it changes nothing (the transaction rolls back) and
 * leaves the HTTP boundary as a 4xx problem.
 */
@ApplicationException(rollback = true)
public class RequestRejected extends RuntimeException {

    public enum Reason {
        INVALID,
        UNAUTHENTICATED,
        NOT_FOUND,
        CONFLICT,
        THROTTLED
    }

    private final Reason reason;
    private final Map<String, String> fieldErrors;
    private final Duration retryAfter;

    private RequestRejected(Reason reason, Map<String, String> fieldErrors, String detail, Duration retryAfter) {
        super(detail);
        this.reason = reason;
        this.fieldErrors = Map.copyOf(fieldErrors);
        this.retryAfter = retryAfter;
    }

    private RequestRejected(Reason reason, String field, String detail) {
        this(reason, field == null ? Map.of() : Map.of(field, detail), detail, null);
    }

    public static RequestRejected invalid(String field, String detail) {
        return new RequestRejected(Reason.INVALID, field, detail);
    }

    /** Several fields at fault, each with what is wrong with it. */
    public static RequestRejected invalid(String detail, Map<String, String> fieldErrors) {
        return new RequestRejected(Reason.INVALID, fieldErrors, detail, null);
    }

    public static RequestRejected notFound(String detail) {
        return new RequestRejected(Reason.NOT_FOUND, null, detail);
    }

    public static RequestRejected conflict(String field, String detail) {
        return new RequestRejected(Reason.CONFLICT, field, detail);
    }

    public static RequestRejected unauthenticated(String detail) {
        return new RequestRejected(Reason.UNAUTHENTICATED, null, detail);
    }

    public static RequestRejected throttled(String detail, Duration retryAfter) {
        return new RequestRejected(Reason.THROTTLED, Map.of(), detail, retryAfter);
    }

    public Reason reason() {
        return reason;
    }

    /** How long the client should wait before trying again, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The request fields at fault, each with what is wrong with it; empty when the request as a whole is. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
