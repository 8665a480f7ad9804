package io.mensageria.telemetry.control;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/** Makes {@link StoreSpanExporter} selectable as {@code otel.traces.exporter=mensageria} (META-INF/services). */
public class StoreSpanExporterProvider implements ConfigurableSpanExporterProvider {

    @Override
    public SpanExporter createExporter(ConfigProperties config) {
        return new StoreSpanExporter();
    }

    @Override
    public String getName() {
        return "mensageria";
    }
}
