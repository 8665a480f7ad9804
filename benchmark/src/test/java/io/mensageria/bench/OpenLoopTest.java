package io.mensageria.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load generator sends exactly rate x duration requests and counts what failed. */
class OpenLoopTest {

    private final AtomicInteger served = new AtomicInteger();
    private HttpServer server;
    private URI uri;

    @BeforeEach
    void serveEveryTenthWithAnError() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(served.incrementAndGet() % 10 == 0 ? 500 : 204, -1);
            exchange.close();
        });
        server.start();
        uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aStepSendsItsRequestsAtTheRateAndCountsErrors() throws Exception {
        OpenLoop.Step step = OpenLoop.run(
                HttpClient.newHttpClient(),
                50,
                Duration.ofSeconds(1),
                () -> Flow.of(HttpRequest.newBuilder(uri).build()));

        assertEquals(50, step.sent());
        assertEquals(45, step.ok());
        assertEquals(5, step.errors());
        assertEquals(50, step.latency().getTotalCount(), "one latency per request");
        assertTrue(
                Duration.between(step.start(), step.end()).toMillis() >= 980,
                "the requests were spread over the second");
    }
}
