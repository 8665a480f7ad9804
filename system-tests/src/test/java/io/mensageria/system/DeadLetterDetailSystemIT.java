package io.mensageria.system;

import static io.mensageria.system.ProblemAssertions.assertProblem;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An operator reads a dead letter whole (headers, body, every failed attempt with its error, what was
 * done to it), acts on it, and finds the action in the audit trail: who, when, what, on which target.
 */
class DeadLetterDetailSystemIT {

    private static final Duration DEAD_LETTERED = Duration.ofSeconds(90);

    @Test
    void aDeadLettersDetailShowsItsHeadersBodyAttemptsAndTheOperatorsActions() {
        String retried = deadLetteredPurchase();
        JsonObject detail = detail(retried);
        assertEquals("billing", detail.getString("consumer"));
        assertEquals("PlanPurchased", detail.getJsonObject("headers").getString("eventType"));
        assertTrue(detail.getJsonObject("headers").getString("traceparent").contains(detail.getString("traceId")));
        assertEquals("basic", detail.getJsonObject("payload").getString("planId"));
        List<JsonObject> failures = detail.getJsonArray("failures").getValuesAs(JsonObject.class);
        assertEquals(detail.getInt("attempts"), failures.size(), "one failure per attempt: " + failures);
        for (int attempt = 0; attempt < failures.size(); attempt++) {
            assertEquals(attempt + 1, failures.get(attempt).getInt("attempt"));
            assertTrue(failures.get(attempt).getString("error").contains("CardNotYetKnown"), failures.toString());
        }
        assertEquals(List.of(), detail.getJsonArray("history"), "nothing done to it yet");

        assertEquals(
                202,
                Stack.postJsonAsOps(Stack.APP + "/ops/dead-letters/" + retried + "/retry")
                        .statusCode());
        String discarded = deadLetteredPurchase();
        assertEquals(204, discard(discarded).statusCode());

        JsonObject history = detail(retried).getJsonArray("history").getJsonObject(0);
        assertEquals("RETRY", history.getString("action"));
        assertEquals("ops", history.getString("by"));
        assertTrue(
                history.getString("detail").contains("Consumer.billing.VirtualTopic.PlanPurchased"),
                history.toString());
        assertEquals("RETRIED", detail(retried).getString("state"));

        List<JsonObject> trail = audit("?limit=2").getJsonArray("entries").getValuesAs(JsonObject.class);
        assertEquals(
                List.of("DISCARD", "RETRY"),
                trail.stream().map(e -> e.getString("action")).toList(),
                "newest first");
        assertEquals(
                List.of("dead-letter:" + discarded, "dead-letter:" + retried),
                trail.stream().map(e -> e.getString("target")).toList());
        long before = audit("?limit=1").getJsonNumber("next").longValue();
        assertEquals(
                "RETRY",
                audit("?limit=1&before=" + before)
                        .getJsonArray("entries")
                        .getJsonObject(0)
                        .getString("action"));
    }

    @Test
    void anUnknownDeadLetterIs404AndABadLimit400() {
        assertProblem(Stack.getAsOps(Stack.APP + "/ops/dead-letters/" + UUID.randomUUID()), 404);
        assertProblem(Stack.getAsOps(Stack.APP + "/ops/dead-letters/not-an-id"), 404);
        assertProblem(Stack.getAsOps(Stack.APP + "/ops/audit?limit=0"), 400);
        assertProblem(Stack.getAsOps(Stack.APP + "/ops/audit?before=yesterday"), 400);
    }

    /** A purchase without a card: billing retries it through every round, then it is dead-lettered. */
    static String deadLetteredPurchase() {
        Account buyer = Account.register("No card");
        String subscription =
                Stack.json(buyer.subscribe(buyer.signIn(), "basic")).getString("id");
        return await().atMost(DEAD_LETTERED)
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> Ops.deadLetters("?consumer=billing&eventType=PlanPurchased").stream()
                                .filter(d -> d.getJsonObject("payload")
                                        .getString("subscriptionId")
                                        .equals(subscription))
                                .map(d -> d.getString("id"))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private static JsonObject detail(String id) {
        HttpResponse<String> response = Stack.getAsOps(Stack.APP + "/ops/dead-letters/" + id);
        assertEquals(200, response.statusCode(), response.body());
        return Stack.json(response);
    }

    private static HttpResponse<String> discard(String id) {
        return Stack.send(HttpRequest.newBuilder(URI.create(Stack.APP + "/ops/dead-letters/" + id))
                .DELETE()
                .header("Authorization", Stack.basic("ops", Stack.OPS_PASSWORD)));
    }

    private static JsonObject audit(String query) {
        HttpResponse<String> response = Stack.getAsOps(Stack.APP + "/ops/audit" + query);
        assertEquals(200, response.statusCode(), response.body());
        return Stack.json(response);
    }
}
