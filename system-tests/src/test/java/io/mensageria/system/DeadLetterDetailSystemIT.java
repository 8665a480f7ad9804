package io.mensageria.system;

import static io.mensageria.system.ProblemAssertions.assertApplicationProblem;
import static io.mensageria.system.ProblemAssertions.assertProblem;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * An operator reads a dead letter whole (headers, body, every failed attempt with its error, what was
 * done to it), acts on it (retry, discard, or edit and send a corrected copy), and finds the action in
 * the audit trail: who, when, what, on which target.
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
    void anEditedCopyIsProcessedOnceInTheOriginalsTraceAndTheOriginalNever() {
        String id = deadLetteredPurchase();
        JsonObject letter = detail(id);
        JsonObject payload = letter.getJsonObject("payload");
        // The sender got the paying user wrong: the buyer has no card, the one who pays has.
        Account payer = Account.register("The payer");
        String token = payer.signIn();
        assertEquals(
                201,
                payer.addCard(token, "4111 1111 1111 1111", 12, Year.now().getValue() + 1)
                        .statusCode());

        JsonObject broken = Json.createObjectBuilder(payload)
                .add("userId", "the payer")
                .remove("planId")
                .build();
        JsonObject refused = assertApplicationProblem(edit(id, broken), 400);
        assertEquals(
                Set.of("payload.userId", "payload.planId"),
                refused.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                        .map(error -> error.getString("field"))
                        .collect(Collectors.toSet()));
        assertEquals("PENDING", detail(id).getString("state"), "a refused edit changes nothing");

        await().atMost(DEAD_LETTERED)
                .until(
                        () -> Ops.event("CardAdded", p -> p.getString("userId").equals(payer.id()))
                                .map(e -> Ops.consumerState(e, "billing"))
                                .orElse(""),
                        "PROCESSED"::equals);
        HttpResponse<String> sent = edit(
                id, Json.createObjectBuilder(payload).add("userId", payer.id()).build());
        assertEquals(202, sent.statusCode(), sent.body());
        String copy = Stack.json(sent).getString("eventId");
        assertNotEquals(letter.getString("eventId"), copy, "the copy is a new event id");

        String subscription = payload.getString("subscriptionId");
        JsonObject paid = await().atMost(DEAD_LETTERED)
                .until(
                        () -> Ops.event(
                                        "PaymentSucceeded",
                                        p -> p.getString("subscriptionId").equals(subscription))
                                .orElse(null),
                        e -> e != null);
        assertEquals(letter.getString("traceId"), paid.getString("traceId"), "the copy continues the original's trace");
        assertEquals(copy, paid.getString("causationId"));
        assertEquals(
                "PROCESSED",
                Ops.consumerState(
                        Ops.event(
                                        "PlanPurchased",
                                        p -> p.getString("subscriptionId").equals(subscription))
                                .orElseThrow(),
                        "billing"),
                "the original counts as processed: billing will skip it if it ever comes again");
        JsonObject edited = detail(id);
        assertEquals("EDITED", edited.getString("state"));
        JsonObject history = edited.getJsonArray("history").getJsonObject(0);
        assertEquals(List.of("EDIT", "ops"), List.of(history.getString("action"), history.getString("by")));
        assertTrue(history.getString("detail").contains(copy), history.toString());
        assertProblem(Stack.postJsonAsOps(Stack.APP + "/ops/dead-letters/" + id + "/retry"), 409);
        assertProblem(edit(id, payload), 409);
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

    private static HttpResponse<String> edit(String id, JsonObject payload) {
        return Stack.postJson(
                Stack.APP + "/ops/dead-letters/" + id + "/edit",
                Json.createObjectBuilder().add("payload", payload).build().toString(),
                "Authorization",
                Stack.basic("ops", Stack.OPS_PASSWORD));
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
