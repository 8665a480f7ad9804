package io.mensageria.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MENSAGERIA_ALERT_WEBHOOK: a new dead letter, a consumer paused and resumed, and a health check going DOWN and UP again, are posted
 * to the operator's webhook (here a receiver in the test, which refuses the first alert it gets: that
 * one must come again).
 */
class AlertsSystemIT {

    private static final Duration ALERTED = Duration.ofSeconds(90);
    private static final List<JsonObject> RECEIVED = new CopyOnWriteArrayList<>();
    private static final AtomicReference<JsonObject> REFUSED = new AtomicReference<>();
    private static HttpServer webhook;
    /** What every `up` of this class passes, so that bringing the broker back keeps the webhook. */
    private static Map<String, String> alerting;

    @BeforeAll
    static void listen() throws Exception {
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/alerts", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                JsonObject alert = (JsonObject) Stack.parse(new String(body.readAllBytes(), StandardCharsets.UTF_8));
                // The very first alert is answered 503, as by a webhook that is briefly down: it must come again.
                if (REFUSED.compareAndSet(null, alert)) {
                    exchange.sendResponseHeaders(503, -1);
                } else {
                    RECEIVED.add(alert);
                    exchange.sendResponseHeaders(204, -1);
                }
            }
            exchange.close();
        });
        webhook.start();
        alerting = Map.of(
                "MENSAGERIA_ALERT_WEBHOOK",
                "http://127.0.0.1:" + webhook.getAddress().getPort() + "/alerts");
        Faults.launcher(alerting, "up");
    }

    @AfterAll
    static void alertNoMore() throws Exception {
        Faults.launcher(Map.of(), "up");
        webhook.stop(0);
    }

    @Test
    void aNewDeadLetterIsPostedToTheWebhook() {
        String id = DeadLetterDetailSystemIT.deadLetteredPurchase();
        JsonObject alert = await().atMost(ALERTED).until(() -> alert("dead-letter", "id", id), a -> a != null);
        JsonObject detail = alert.getJsonObject("detail");
        assertEquals(
                List.of("billing", "PlanPurchased"),
                List.of(detail.getString("consumer"), detail.getString("eventType")));
        assertEquals("server", alert.getString("instance"));
        // The alert the webhook refused came again, the same.
        await().atMost(ALERTED).until(() -> REFUSED.get() != null && RECEIVED.contains(REFUSED.get()));
    }

    @Test
    void theBrokerGoingDownAndComingBackIsPostedToTheWebhook() throws Exception {
        Faults.stop(Faults.BROKER);
        try {
            await().atMost(ALERTED).until(() -> alert("health", "status", "DOWN"), a -> a != null);
        } finally {
            Faults.launcher(alerting, "up");
        }
        await().atMost(ALERTED).until(() -> alert("health", "status", "UP"), a -> a != null);
    }

    @Test
    void aConsumerPausedAndResumedIsPostedToTheWebhook() {
        String consumers = Stack.APP + "/ops/consumers/notifications/";
        assertEquals(202, Stack.postJsonAsOps(consumers + "pause").statusCode());
        assertEquals(202, Stack.postJsonAsOps(consumers + "resume").statusCode());
        JsonObject paused = await().atMost(ALERTED).until(() -> alert("consumer", "state", "PAUSED"), a -> a != null);
        assertEquals(
                List.of("notifications", "ops", "paused by ops"),
                List.of(
                        paused.getJsonObject("detail").getString("consumer"),
                        paused.getJsonObject("detail").getString("by"),
                        paused.getJsonObject("detail").getString("reason")));
        await().atMost(ALERTED).until(() -> alert("consumer", "state", "RESUMED"), a -> a != null);
    }

    /** The first alert received of this kind whose detail has this value, or null. */
    private static JsonObject alert(String kind, String field, String value) {
        return RECEIVED.stream()
                .filter(a -> a.getString("kind").equals(kind))
                .filter(a -> a.getJsonObject("detail").getString(field, "").equals(value))
                .filter(a -> !kind.equals("health")
                        || a.getJsonObject("detail").getString("check").equals("broker"))
                .findFirst()
                .orElse(null);
    }
}
