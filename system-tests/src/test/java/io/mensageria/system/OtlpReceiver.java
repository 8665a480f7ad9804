package io.mensageria.system;

import com.sun.net.httpserver.HttpServer;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A minimal OpenTelemetry collector for the tests: accepts OTLP trace exports over HTTP (protobuf,
 * POST /v1/traces, as on port 4318) or over gRPC (TraceService/Export, as on port 4317), decodes them
 * with the OTLP protobuf definitions, and keeps every span. Loopback only, on a free port.
 */
final class OtlpReceiver implements AutoCloseable {

    private static final String TRACE_SERVICE = "opentelemetry.proto.collector.trace.v1.TraceService";

    private final List<Span> spans = new CopyOnWriteArrayList<>();
    private final AutoCloseable server;
    private final int port;

    private OtlpReceiver(Protocol protocol) throws IOException {
        if (protocol == Protocol.HTTP) {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/v1/traces", exchange -> {
                try (InputStream body = exchange.getRequestBody()) {
                    keep(ExportTraceServiceRequest.parseFrom(body));
                }
                byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            });
            http.start();
            server = () -> http.stop(0);
            port = http.getAddress().getPort();
        } else {
            MethodDescriptor<ExportTraceServiceRequest, ExportTraceServiceResponse> export =
                    MethodDescriptor.<ExportTraceServiceRequest, ExportTraceServiceResponse>newBuilder()
                            .setType(MethodDescriptor.MethodType.UNARY)
                            .setFullMethodName(MethodDescriptor.generateFullMethodName(TRACE_SERVICE, "Export"))
                            .setRequestMarshaller(ProtoUtils.marshaller(ExportTraceServiceRequest.getDefaultInstance()))
                            .setResponseMarshaller(
                                    ProtoUtils.marshaller(ExportTraceServiceResponse.getDefaultInstance()))
                            .build();
            ServerServiceDefinition service = ServerServiceDefinition.builder(TRACE_SERVICE)
                    .addMethod(export, ServerCalls.asyncUnaryCall((request, answer) -> {
                        keep(request);
                        answer.onNext(ExportTraceServiceResponse.getDefaultInstance());
                        answer.onCompleted();
                    }))
                    .build();
            Server grpc = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                    .addService(service)
                    .build()
                    .start();
            server = () -> grpc.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            port = grpc.getPort();
        }
    }

    enum Protocol {
        HTTP("http/protobuf"),
        GRPC("grpc");

        final String name;

        Protocol(String name) {
            this.name = name;
        }
    }

    static OtlpReceiver start(Protocol protocol) throws IOException {
        return new OtlpReceiver(protocol);
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** The spans received so far of one trace. */
    List<Span> spansOf(String traceId) {
        return spans.stream()
                .filter(span -> HexFormat.of()
                        .formatHex(span.getTraceId().toByteArray())
                        .equals(traceId))
                .toList();
    }

    /** A string attribute of a span, or "" without it. */
    static String attribute(Span span, String key) {
        return span.getAttributesList().stream()
                .filter(attribute -> attribute.getKey().equals(key))
                .map(attribute -> attribute.getValue().getStringValue())
                .findFirst()
                .orElse("");
    }

    private void keep(ExportTraceServiceRequest request) {
        request.getResourceSpansList()
                .forEach(resource -> resource.getScopeSpansList().forEach(scope -> spans.addAll(scope.getSpansList())));
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
