package io.mensageria.platform.boundary;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/** Tells every caller the trace id of its request, the key to its logs and events on the ops side. */
@Provider
public class TraceIdFilter implements ContainerResponseFilter {

    public static final String HEADER = "X-Trace-Id";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String traceId = currentTraceId();
        if (traceId != null) {
            response.getHeaders().putSingle(HEADER, traceId);
        }
    }

    /** The W3C trace id of the request being served (the server opens a span per request), or null. */
    static String currentTraceId() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }
}
