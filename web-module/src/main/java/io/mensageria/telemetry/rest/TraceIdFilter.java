package io.mensageria.telemetry.rest;

import io.mensageria.problems.rest.Problem;
import io.mensageria.telemetry.boundary.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Tells every caller the trace id of its request (header and problem body): the key to its logs and
 * events on the ops side.
 * <p>
 * The server opens a span per matched request but makes it current only while the resource method
 * runs, so the id is taken by the request filter and used when the response leaves. A request that
 * matched no resource (404, 405) gets a span of its own here, continuing the caller's traceparent.
 */
@Provider
public class TraceIdFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String TRACE_ID = TraceIdFilter.class.getName() + ".traceId";

    @Inject
    TraceContext traceContext;

    @Override
    public void filter(ContainerRequestContext request) {
        SpanContext current = Span.current().getSpanContext();
        if (current.isValid()) {
            request.setProperty(TRACE_ID, current.getTraceId());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String traceId = (String) request.getProperty(TRACE_ID);
        if (traceId == null) {
            traceId = traceContext.traceOfUnservedRequest(request.getMethod(), request.getHeaderString("traceparent"));
        }
        response.getHeaders().putSingle(TraceContext.TRACE_ID_HEADER, traceId);
        if (response.getEntity() instanceof Problem problem && problem.traceId() == null) {
            response.setEntity(problem.withTraceId(traceId));
        }
    }
}
