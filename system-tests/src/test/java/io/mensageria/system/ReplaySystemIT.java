package io.mensageria.system;

import static io.mensageria.system.ProblemAssertions.assertApplicationProblem;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** POST /ops/replay: the event log is an event store, replayed to one consumer. */
class ReplaySystemIT {

    private static final Duration DELIVERY = Duration.ofSeconds(60);

    @Test
    void aReplayedEventThatWasProcessedIsSkipped() {
        JsonObject event = processedRegistration();

        assertEquals(1, replay("notifications", event, false));

        await().atMost(DELIVERY)
                .until(
                        () -> linesInTrace(event, "already processed UserRegistered " + event.getString("eventId")),
                        count -> count == 1);
        assertEquals(1, linesInTrace(event, "Sent welcome notification"), "no second welcome");
    }

    @Test
    void aReplayToReprocessHandlesTheEventAgainInItsOriginalTrace() {
        JsonObject event = processedRegistration();

        assertEquals(1, replay("notifications", event, true));
        JsonObject audited = Stack.json(Stack.getAsOps(Stack.APP + "/ops/audit?limit=1"))
                .getJsonArray("entries")
                .getJsonObject(0);
        assertEquals(
                List.of("REPLAY", "consumer:notifications", "ops"),
                List.of(audited.getString("action"), audited.getString("target"), audited.getString("by")));
        assertTrue(
                audited.getString("detail").startsWith("1 UserRegistered, to be processed again"), audited.toString());

        await().atMost(DELIVERY).until(() -> linesInTrace(event, "Sent welcome notification"), count -> count == 2);
    }

    @Test
    void billingsChargesAreNeverReprocessed() {
        JsonObject event = processedRegistration();
        HttpResponse<String> refused = Stack.postJson(
                Stack.APP + "/ops/replay",
                body("billing", event, true),
                "Authorization",
                Stack.basic("ops", Stack.OPS_PASSWORD));
        assertApplicationProblem(refused, 409);
    }

    @Test
    void onlyAConsumerOfTheTypeCanBeReplayedTo() {
        JsonObject event = processedRegistration();
        assertApplicationProblem(
                Stack.postJson(
                        Stack.APP + "/ops/replay",
                        body("subscriptions", event, false),
                        "Authorization",
                        Stack.basic("ops", Stack.OPS_PASSWORD)),
                400);
        assertApplicationProblem(
                Stack.postJson(
                        Stack.APP + "/ops/replay", "{}", "Authorization", Stack.basic("ops", Stack.OPS_PASSWORD)),
                400);
        JsonObject noBody = assertApplicationProblem(
                Stack.postJson(Stack.APP + "/ops/replay", "", "Authorization", Stack.basic("ops", Stack.OPS_PASSWORD)),
                400);
        assertTrue(noBody.toString().contains("a JSON body is required"), noBody.toString());
        assertEquals(
                401,
                Stack.postJson(Stack.APP + "/ops/replay", body("notifications", event, false))
                        .statusCode());
    }

    private static JsonObject processedRegistration() {
        HttpResponse<String> registered = Stack.postJson(
                Stack.PROXY + "/api/users",
                Stack.registration("Ana Lima", "replay-" + UUID.randomUUID() + "@example.com", "a long enough secret"));
        String userId = Stack.json(registered).getString("id");
        return await().atMost(DELIVERY)
                .until(
                        () -> Ops.event(
                                        "UserRegistered",
                                        p -> p.getString("userId").equals(userId))
                                .orElse(null),
                        e -> e != null
                                && "PROCESSED".equals(Ops.consumerState(e, "notifications"))
                                && linesInTrace(e, "Sent welcome notification") == 1);
    }

    private static int replay(String consumer, JsonObject event, boolean reprocess) {
        HttpResponse<String> response = Stack.postJson(
                Stack.APP + "/ops/replay",
                body(consumer, event, reprocess),
                "Authorization",
                Stack.basic("ops", Stack.OPS_PASSWORD));
        assertEquals(202, response.statusCode(), response.body());
        return Stack.json(response).getInt("replayed");
    }

    /** The one event: from its own occurrence to a microsecond later. */
    private static String body(String consumer, JsonObject event, boolean reprocess) {
        OffsetDateTime at = OffsetDateTime.parse(event.getString("occurredAt"));
        return Json.createObjectBuilder()
                .add("consumer", consumer)
                .add("eventType", "UserRegistered")
                .add("since", at.toString())
                .add("until", at.plusNanos(1000).toString())
                .add("reprocess", reprocess)
                .build()
                .toString();
    }

    private static int linesInTrace(JsonObject event, String text) {
        HttpResponse<String> trace = Stack.getAsOps(Stack.APP + "/ops/traces/" + event.getString("traceId"));
        if (trace.statusCode() != 200) {
            return 0;
        }
        return (int) Stack.json(trace).getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("message").contains(text))
                .count();
    }
}
