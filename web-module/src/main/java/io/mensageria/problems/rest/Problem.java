package io.mensageria.problems.rest;

import io.mensageria.telemetry.rest.TraceIdFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem, the body of every error answer. {@code errors} lists the request fields at fault;
 * {@code traceId} is filled in by {@link TraceIdFilter} as the answer leaves.
 */
public record Problem(String type, String title, int status, String detail, String traceId, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String message) {}

    public static Problem of(Response.StatusType status, String detail, List<FieldError> errors) {
        return new Problem(
                "about:blank",
                status.getReasonPhrase(),
                status.getStatusCode(),
                detail,
                null,
                errors.isEmpty() ? null : errors);
    }

    public Problem withTraceId(String traceId) {
        return new Problem(type, title, status, detail, traceId, errors);
    }

    public Response toResponse() {
        return Response.status(status)
                .type(MediaType.valueOf(MEDIA_TYPE))
                .entity(this)
                .build();
    }
}
