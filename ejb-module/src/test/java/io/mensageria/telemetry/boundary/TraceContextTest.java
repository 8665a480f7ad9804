package io.mensageria.telemetry.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.propagation.ContextPropagators;
import jakarta.enterprise.inject.IllegalProductException;
import org.junit.jupiter.api.Test;

class TraceContextTest {

    /** What the container's proxy does while Payara's producer still answers null. */
    private static final OpenTelemetry NOT_READY = new OpenTelemetry() {
        @Override
        public TracerProvider getTracerProvider() {
            throw new IllegalProductException("WELD-000052: Cannot return null from a non-dependent producer method");
        }

        @Override
        public ContextPropagators getPropagators() {
            throw new IllegalProductException("WELD-000052: Cannot return null from a non-dependent producer method");
        }
    };

    @Test
    void withoutTheServersOpenTelemetryTheWorkGoesUntracedInsteadOfFailing() {
        TraceContext traces = new TraceContext();
        traces.openTelemetry = NOT_READY;

        assertNull(traces.currentTraceparent());
        assertFalse(traces.startSpan(
                        "billing CardAdded",
                        SpanKind.CONSUMER,
                        "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .getSpanContext()
                .isValid());
        assertEquals("00000000000000000000000000000000", traces.traceOfUnservedRequest("GET", null));
    }
}
