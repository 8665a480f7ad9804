package io.mensageria.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FlowTest {

    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private URI base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            received.add(exchange.getRequestURI().getPath());
            int status = exchange.getRequestURI().getPath().startsWith("/fail") ? 503 : 201;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aFlowSendsItsRequestsInOrderAndAnswersTheLastStatus() throws Exception {
        int status = Flow.of(request("/cards"))
                .then(request("/subscriptions"))
                .send(HttpClient.newHttpClient())
                .get();

        assertEquals(201, status);
        assertEquals(List.of("/cards", "/subscriptions"), received);
    }

    @Test
    void aFlowStopsAtTheFirstRequestThatFails() throws Exception {
        int status = Flow.of(request("/fail"))
                .then(request("/subscriptions"))
                .send(HttpClient.newHttpClient())
                .get();

        assertEquals(503, status);
        assertEquals(List.of("/fail"), received, "nothing sent after the failure");
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).build();
    }
}
