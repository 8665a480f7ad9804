package io.mensageria.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.proto.trace.v1.Span;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * MENSAGERIA_OTLP_ENDPOINT (and MENSAGERIA_OTLP_PROTOCOL): every span also goes to an OpenTelemetry
 * collector, here {@link OtlpReceiver}, over gRPC or over HTTP. A registration's trace arrives whole:
 * the request's server span and the consumer spans of billing and notifications, one trace id.
 */
class OtlpExportSystemIT {

    private static final Duration EXPORTED = Duration.ofSeconds(60);

    @AfterAll
    static void exportNoMore() throws Exception {
        Faults.launcher(Map.of(), "up");
    }

    @Test
    void spansReachACollectorOverGrpc() throws Exception {
        aRegistrationsSpansReachTheCollector(OtlpReceiver.Protocol.GRPC);
    }

    @Test
    void spansReachACollectorOverHttp() throws Exception {
        aRegistrationsSpansReachTheCollector(OtlpReceiver.Protocol.HTTP);
    }

    private static void aRegistrationsSpansReachTheCollector(OtlpReceiver.Protocol protocol) throws Exception {
        try (OtlpReceiver collector = OtlpReceiver.start(protocol)) {
            Faults.launcher(
                    Map.of("MENSAGERIA_OTLP_ENDPOINT", collector.endpoint(), "MENSAGERIA_OTLP_PROTOCOL", protocol.name),
                    "up");
            HttpResponse<String> registered = Stack.postJson(
                    Stack.PROXY + "/api/users",
                    Stack.registration(
                            "Otto Lima", "otlp-" + UUID.randomUUID() + "@example.com", "a long enough secret"));
            assertEquals(201, registered.statusCode(), registered.body());
            String traceId = registered.headers().firstValue("X-Trace-Id").orElseThrow();

            // Decoded from what the exporter sent: the spans of this trace, every service's there.
            await().atMost(EXPORTED)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> collector.spansOf(traceId), OtlpExportSystemIT::wholeRegistration);
        }
    }

    /** The request's own span, and one consumer span for each of billing and notifications. */
    private static boolean wholeRegistration(List<Span> spans) {
        Set<String> consumers = spans.stream()
                .filter(span -> span.getKind() == Span.SpanKind.SPAN_KIND_CONSUMER)
                .map(span -> OtlpReceiver.attribute(span, "mensageria.consumer"))
                .collect(Collectors.toSet());
        return spans.stream().anyMatch(span -> span.getKind() == Span.SpanKind.SPAN_KIND_SERVER)
                && consumers.containsAll(Set.of("billing", "notifications"));
    }
}
