package io.mensageria.platform.boundary;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
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

    public static final String HEADER = "X-Trace-Id";
    private static final String TRACE_ID = TraceIdFilter.class.getName() + ".traceId";

    private static final TextMapGetter<ContainerRequestContext> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(ContainerRequestContext request) {
            return request.getHeaders().keySet();
        }

        @Override
        public String get(ContainerRequestContext request, String key) {
            return request.getHeaderString(key);
        }
    };

    @Inject
    OpenTelemetry openTelemetry;

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
            traceId = traceOfUnmatchedRequest(request, response.getStatus());
        }
        response.getHeaders().putSingle(HEADER, traceId);
        if (response.getEntity() instanceof Problem problem && problem.traceId() == null) {
            response.setEntity(problem.withTraceId(traceId));
        }
    }

    private String traceOfUnmatchedRequest(ContainerRequestContext request, int status) {
        Context caller = openTelemetry.getPropagators().getTextMapPropagator()
                .extract(Context.root(), request, HEADERS);
        Span span = openTelemetry.getTracer("io.mensageria").spanBuilder(request.getMethod() + " (no resource)")
                .setParent(caller)
                .setSpanKind(SpanKind.SERVER)
                .setAttribute("http.status_code", status)
                .startSpan();
        span.end();
        return span.getSpanContext().getTraceId();
    }
}
