package io.mensageria.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Requests through nginx as fast as 16 clients can go: nginx answering by itself (a path it refuses,
 * 404), and nginx in front of the application's cheapest route (GET /api/plans: a JAX-RS resource and
 * one small query), the ceiling of any request that reaches the application.
 */
final class ProxyLimit {

    static final int CLIENTS = 16;

    private ProxyLimit() {}

    static List<Measurement> measure(BenchSettings settings, HttpClient client) throws Exception {
        return List.of(
                measure(settings, client, "/health", 404, "proxy-alone", "nginx's own 404 for a path it refuses"),
                measure(settings, client, "/api/plans", 200, "proxy-app-plans", "GET /api/plans through nginx"));
    }

    private static Measurement measure(
            BenchSettings settings, HttpClient client, String path, int expected, String name, String how)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.proxyUrl() + path))
                .timeout(OpenLoop.REQUEST_TIMEOUT)
                .build();
        long deadline = System.nanoTime() + settings.limitRun().toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            long started = System.nanoTime();
            List<Future<Long>> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(pool.submit(() -> {
                    long ok = 0;
                    while (System.nanoTime() < deadline) {
                        if (client.send(request, HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == expected) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            long ok = 0;
            for (Future<Long> done : clients) {
                ok += done.get();
            }
            return new Measurement(
                    name, "requests/s", ok / ((System.nanoTime() - started) / 1e9), how + ", " + CLIENTS + " clients");
        } finally {
            pool.shutdownNow();
        }
    }
}
