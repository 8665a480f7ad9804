package io.mensageria.alerts.boundary;

import io.mensageria.instances.boundary.ThisInstance;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Posts each {@link Alert} as JSON to MENSAGERIA_ALERT_WEBHOOK ({@code {"kind","at","instance","detail"}});
 * unset, nothing is sent. Each delivery runs on the managed scheduler, waits at most 5 s for an answer,
 * and is tried again after 1, 2, 4 and 8 s until the webhook answers 2xx; then it is given up with a
 * warning. At most {@value #MAX_PENDING} deliveries wait at once: beyond that an alert is dropped and
 * logged, so that a webhook that never answers cannot hold memory or threads.
 */
@ApplicationScoped
public class Alerts {

    static final int MAX_PENDING = 1000;
    static final int ATTEMPTS = 5;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(Alerts.class.getName());

    @Inject
    @ConfigProperty(name = "mensageria.alert.webhook")
    Optional<String> webhook;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final AtomicInteger pending = new AtomicInteger();

    void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) Alert alert) {
        if (webhook.isEmpty() || webhook.get().isBlank()) {
            return;
        }
        if (pending.incrementAndGet() > MAX_PENDING) {
            pending.decrementAndGet();
            LOG.warning(() -> "Alert dropped, " + MAX_PENDING + " are waiting for the webhook already: " + alert);
            return;
        }
        try {
            schedule(alert);
        } catch (RuntimeException e) {
            // A webhook that is not a URL, a scheduler shutting down: the work that raised it goes on.
            pending.decrementAndGet();
            LOG.log(Level.WARNING, "Alert not sent: " + alert, e);
        }
    }

    private void schedule(Alert alert) {
        String body = Json.createObjectBuilder()
                .add("kind", alert.kind())
                .add("at", Instant.now().toString())
                .add("instance", ThisInstance.name())
                .add("detail", alert.detail())
                .build()
                .toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.get()))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        scheduler.execute(() -> deliver(request, alert, 1));
    }

    private void deliver(HttpRequest request, Alert alert, int attempt) {
        try {
            int status =
                    client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                pending.decrementAndGet();
                return;
            }
            retry(request, alert, attempt, "answered " + status);
        } catch (IOException e) {
            retry(request, alert, attempt, e.toString());
        } catch (InterruptedException e) {
            pending.decrementAndGet();
            Thread.currentThread().interrupt();
        }
    }

    private void retry(HttpRequest request, Alert alert, int attempt, String why) {
        if (attempt == ATTEMPTS) {
            pending.decrementAndGet();
            LOG.log(Level.WARNING, "Alert not delivered after {0} attempts ({1}): {2}", new Object[] {
                attempt, why, alert
            });
            return;
        }
        long delay = 1L << (attempt - 1);
        scheduler.schedule(() -> deliver(request, alert, attempt + 1), delay, TimeUnit.SECONDS);
    }
}
