package io.mensageria.platform.boundary;

import jakarta.ejb.ApplicationException;

/**
 * A client's request that the services refuse: it changes nothing (the transaction rolls back) and
 * leaves the HTTP boundary as a 4xx problem.
 */
@ApplicationException(rollback = true)
public class RequestRejected extends RuntimeException {

    public enum Reason { INVALID, NOT_FOUND, CONFLICT }

    private final Reason reason;
    private final String field;

    private RequestRejected(Reason reason, String field, String detail) {
        super(detail);
        this.reason = reason;
        this.field = field;
    }

    public static RequestRejected invalid(String field, String detail) {
        return new RequestRejected(Reason.INVALID, field, detail);
    }

    public static RequestRejected notFound(String detail) {
        return new RequestRejected(Reason.NOT_FOUND, null, detail);
    }

    public static RequestRejected conflict(String field, String detail) {
        return new RequestRejected(Reason.CONFLICT, field, detail);
    }

    public Reason reason() {
        return reason;
    }

    /** The request field at fault, or null when the request as a whole is. */
    public String field() {
        return field;
    }
}
