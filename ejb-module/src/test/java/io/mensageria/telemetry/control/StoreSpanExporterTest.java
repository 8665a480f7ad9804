package io.mensageria.telemetry.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.api.trace.SpanKind;
import org.junit.jupiter.api.Test;

class StoreSpanExporterTest {

    @Test
    void aConsumerSpanIsItsConsumers() {
        assertEquals("notifications", StoreSpanExporter.serviceOf("notifications", SpanKind.CONSUMER, null, null));
    }

    @Test
    void aServerSpanIsTheServiceOfItsRouteOrElseItsPath() {
        assertEquals("wallet", StoreSpanExporter.serviceOf(null, SpanKind.SERVER, "/api/users/{userId}/cards", null));
        assertEquals("accounts", StoreSpanExporter.serviceOf(null, SpanKind.SERVER, null, "/api/users/1f2e"));
        assertEquals("subscriptions", StoreSpanExporter.serviceOf(null, SpanKind.SERVER, null, "/api/plans"));
        assertEquals("platform", StoreSpanExporter.serviceOf(null, SpanKind.SERVER, null, "/ops/events"));
        assertEquals("platform", StoreSpanExporter.serviceOf(null, SpanKind.SERVER, null, null));
    }

    @Test
    void anyOtherSpanIsThePlatforms() {
        assertEquals("platform", StoreSpanExporter.serviceOf(null, SpanKind.INTERNAL, "/api/plans", null));
        assertEquals("platform", StoreSpanExporter.serviceOf(null, SpanKind.CLIENT, null, "/api/plans"));
    }
}
