package io.mensageria.telemetry.control;

import io.mensageria.catalog.boundary.ServiceCatalog;
import io.mensageria.telemetry.boundary.TraceContext;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Instant;
import java.util.Collection;

/** Hands every finished span to the central store (through the {@link TelemetryBuffer}), beside the logs. */
public class StoreSpanExporter implements SpanExporter {

    static final AttributeKey<String> CONSUMER = AttributeKey.stringKey(TraceContext.CONSUMER_ATTRIBUTE);
    static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
    static final AttributeKey<String> TARGET = AttributeKey.stringKey("http.target");

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        for (SpanData span : spans) {
            TelemetryBuffer.offer(new TelemetryBuffer.SpanEntry(
                    span.getTraceId(),
                    span.getSpanId(),
                    span.getParentSpanContext().isValid() ? span.getParentSpanId() : null,
                    serviceOf(span),
                    span.getName(),
                    span.getKind().name(),
                    Instant.ofEpochSecond(0, span.getStartEpochNanos()),
                    Instant.ofEpochSecond(0, span.getEndEpochNanos()),
                    span.getStatus().getStatusCode() == StatusCode.ERROR ? "ERROR" : "OK",
                    span.getStatus().getStatusCode() == StatusCode.ERROR
                            ? span.getStatus().getDescription()
                            : null));
        }
        return CompletableResultCode.ofSuccess();
    }

    /** Consumer spans name their consumer; server spans are the service whose public path they served. */
    static String serviceOf(SpanData span) {
        return serviceOf(
                span.getAttributes().get(CONSUMER),
                span.getKind(),
                span.getAttributes().get(ROUTE),
                span.getAttributes().get(TARGET));
    }

    /** @param route the route template of a server span, if known; @param target else the path it served */
    static String serviceOf(String consumer, SpanKind kind, String route, String target) {
        if (consumer != null) {
            return consumer;
        }
        if (kind == SpanKind.SERVER) {
            return ServiceCatalog.declared().serviceOfPath(route != null ? route : target);
        }
        return ServiceCatalog.PLATFORM;
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public String toString() {
        return "StoreSpanExporter";
    }
}
