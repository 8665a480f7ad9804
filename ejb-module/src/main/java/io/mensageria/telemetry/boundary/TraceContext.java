package io.mensageria.telemetry.boundary;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.IllegalProductException;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * W3C trace context across the broker: what an emitted event records, and how a consumer continues it.
 * JMS is not instrumented by the server, so the {@code traceparent} travels as a message property.
 */
@ApplicationScoped
public class TraceContext {

    /** The answer header that tells every HTTP caller the trace id of its request. */
    public static final String TRACE_ID_HEADER = "X-Trace-Id";
    /** Names the consumer on a consumer span, so that the span store can say whose work it was. */
    public static final String CONSUMER_ATTRIBUTE = "mensageria.consumer";

    private static final String TRACEPARENT = "traceparent";
    private static final Logger LOG = Logger.getLogger(TraceContext.class.getName());

    private static final TextMapGetter<String> SINGLE_TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    @Inject
    OpenTelemetry openTelemetry;

    /** The current context as a traceparent header value, or null when no trace is active. */
    public String currentTraceparent() {
        Map<String, String> carrier = new HashMap<>();
        sdk().getPropagators().getTextMapPropagator().inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * Starts a span continuing the given traceparent (or a new trace when it is null or invalid): a
     * consumer's span, child of the emitter's, or a server span where the server opened none.
     */
    public Span startSpan(String name, SpanKind kind, String traceparent) {
        Context parent = traceparent == null
                ? Context.root()
                : sdk().getPropagators()
                        .getTextMapPropagator()
                        .extract(Context.root(), traceparent, SINGLE_TRACEPARENT);
        return tracer().spanBuilder(name).setParent(parent).setSpanKind(kind).startSpan();
    }

    /** A request that no resource served (404, 405, a 401 from the container) still gets a trace: one span. */
    public String traceOfUnservedRequest(String method, String traceparent) {
        Span span = startSpan(method + " (not served)", SpanKind.SERVER, traceparent);
        span.end();
        return span.getSpanContext().getTraceId();
    }

    private Tracer tracer() {
        return sdk().getTracer("io.mensageria");
    }

    /**
     * The server's OpenTelemetry, or a no-op one while the server has none for this application yet:
     * right after a deployment Payara's producer can answer null, which CDI refuses with an
     * IllegalProductException (an integration test's first registration failed so). Tracing must
     * never fail the work it traces; that work goes untraced instead.
     */
    OpenTelemetry sdk() {
        try {
            openTelemetry.getPropagators();
            return openTelemetry;
        } catch (IllegalProductException notReady) {
            LOG.log(
                    Level.WARNING,
                    "OpenTelemetry is not ready yet; this call goes untraced: {0}",
                    notReady.getMessage());
            return OpenTelemetry.noop();
        }
    }
}
