package io.mensageria.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/**
 * What one client does at one arrival of a workload: one request, or several sent one after the other
 * (a purchase adds a card, then buys a plan). Its latency is that of all of them together.
 */
@FunctionalInterface
interface Flow {

    /** Sends the flow; completes with the status of its last request, or of the first that did not succeed. */
    CompletableFuture<Integer> send(HttpClient client);

    static Flow of(HttpRequest request) {
        return client -> client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode);
    }

    /** This flow, then {@code next} once this one succeeded. */
    default Flow then(HttpRequest next) {
        return client -> send(client)
                .thenCompose(
                        status -> status < 300 ? of(next).send(client) : CompletableFuture.completedFuture(status));
    }
}
