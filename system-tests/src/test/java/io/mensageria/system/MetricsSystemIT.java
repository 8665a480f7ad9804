package io.mensageria.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** /metrics on the app port (loopback, no credentials): what the consumers, the relay and the DLQs are doing. */
class MetricsSystemIT {

    @Test
    void consumersCountWhatTheyProcessAndWhatFailed() {
        Account ana = Account.register("Ana Lima");
        String token = ana.signIn();
        String subscription = Stack.json(ana.subscribe(token, "basic")).getString("id");

        await().atMost(Duration.ofSeconds(60))
                .until(() -> value("mensageria_consumer_processed_total", "billing", "UserRegistered")
                                        .orElse(0.0)
                                >= 1
                        && value("mensageria_consumer_failed_total", "billing", "PlanPurchased")
                                        .orElse(0.0)
                                >= 1
                        // The service-level histograms, counted once the delivery has committed.
                        && value("mensageria_consumer_processing_seconds_count", "billing", "UserRegistered")
                                        .orElse(0.0)
                                >= 1
                        && value("mensageria_consumer_critical_seconds_count", "billing", "UserRegistered")
                                        .orElse(0.0)
                                >= 1);
        assertTrue(value("mensageria_consumer_lag_seconds", "notifications", "UserRegistered")
                        .orElseThrow()
                >= 0);
        assertTrue(queueDepth("Consumer.billing.VirtualTopic.PlanPurchased") >= 0, "the broker answered");
        String metrics = metrics();
        assertTrue(metrics.contains("mensageria_relay_backlog"), "relay backlog");
        assertTrue(metrics.contains("mensageria_dlq_depth{consumer=\"billing\""), "dead letters per consumer");
        assertTrue(metrics.contains("mensageria_log_dropped_total"), "dropped log lines");
        assertEquals("PENDING", ana.subscription(token, subscription).getString("status"));
    }

    private static Optional<Double> value(String name, String consumer, String eventType) {
        Matcher line = Pattern.compile(
                        "^" + name + "\\{consumer=\"" + consumer + "\",event_type=\"" + eventType
                                + "\"[^}]*} ([0-9.E+-]+)$",
                        Pattern.MULTILINE)
                .matcher(metrics());
        return line.find() ? Optional.of(Double.parseDouble(line.group(1))) : Optional.empty();
    }

    private static double queueDepth(String queue) {
        Matcher line = Pattern.compile(
                        "^mensageria_queue_depth\\{[^}]*queue=\"" + Pattern.quote(queue) + "\"[^}]*} ([0-9.E+-]+)$",
                        Pattern.MULTILINE)
                .matcher(metrics());
        assertTrue(line.find(), "a depth for " + queue);
        return Double.parseDouble(line.group(1));
    }

    private static String metrics() {
        HttpResponse<String> response = Stack.get(Stack.APP + "/metrics");
        assertEquals(200, response.statusCode());
        return response.body();
    }
}
