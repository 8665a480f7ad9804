package io.mensageria.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The broker goes down: requests are still accepted, their events wait in the event log, and once the
 * broker is back (started again by the launcher, as an operator would) every event reaches its consumers.
 */
class BrokerOutageSystemIT {

    private static final int BACKLOG_CARDS = 12;

    @Test
    void eventsAcceptedWhileTheBrokerIsDownAreDeliveredWhenItReturns() throws Exception {
        Account cardHolder = Account.register("Card Holder");
        String token = cardHolder.signIn();
        Instant stopped = Instant.now();
        Faults.stop(Faults.BROKER);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Faults.healthOf("broker").equals("DOWN"));

        String email = "outage-" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> response =
                Stack.postJson(Stack.PROXY + "/api/users", Stack.registration("Outage", email, "a long enough secret"));
        assertEquals(201, response.statusCode(), response.body());
        String userId = Stack.json(response).getString("id");
        JsonObject waiting = eventOf(userId);
        assertTrue(!waiting.containsKey("publishedAt"), "nothing can be published without a broker: " + waiting);
        assertEquals("PENDING", waiting.getJsonObject("consumers").getString("billing"));
        // What the server and the resource adapter log about it reaches the central store too.
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> !serverWarningsSince(stopped).isEmpty());

        // A backlog bigger than what steady traffic leaves: the relay publishes it in one broker transaction.
        for (int i = 0; i < BACKLOG_CARDS; i++) {
            HttpResponse<String> card = cardHolder.addCard(token, "4242424242424242", 12, 2030);
            assertEquals(201, card.statusCode(), card.body());
        }

        Faults.startWhatIsDown();

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    JsonObject consumers = eventOf(userId).getJsonObject("consumers");
                    return "PROCESSED".equals(consumers.getString("billing"))
                            && "PROCESSED".equals(consumers.getString("notifications"));
                });
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> cardsBillingProcessed(cardHolder.id(), stopped) == BACKLOG_CARDS);
        assertEquals("UP", Faults.healthOf("broker"));
    }

    @Test
    void aBrokerThatStopsAnsweringIsReportedDownAndHealthStillAnswers() throws Exception {
        Faults.pause(Faults.BROKER);
        try {
            // Each /health answers (within the client's timeout) while the broker holds every probe.
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> Faults.healthOf("broker").equals("DOWN"));
            assertEquals("DOWN", Faults.healthOf("broker"), "and again, with the first probe still waiting");
        } finally {
            Faults.resume(Faults.BROKER);
        }
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Faults.healthOf("broker").equals("UP"));
    }

    private static long cardsBillingProcessed(String userId, Instant since) {
        return Ops.eventsSince("CardAdded", since.atOffset(ZoneOffset.UTC)).stream()
                .filter(event ->
                        event.getJsonObject("payload").getString("userId").equals(userId))
                .filter(event -> Ops.consumerState(event, "billing").equals("PROCESSED"))
                .count();
    }

    private static JsonObject eventOf(String userId) {
        return Ops.event(
                        "UserRegistered", payload -> payload.getString("userId").equals(userId))
                .orElseThrow();
    }

    /** Warnings and errors that loggers outside the application wrote since then (service "server"). */
    private static List<JsonObject> serverWarningsSince(Instant since) {
        HttpResponse<String> response =
                Stack.getAsOps(Stack.APP + "/ops/traces?service=server&level=WARN&since=" + since + "&limit=20");
        assertEquals(200, response.statusCode(), response.body());
        return Stack.json(response).getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                .filter(entry -> !entry.getString("logger").startsWith("io.mensageria"))
                .toList();
    }
}
