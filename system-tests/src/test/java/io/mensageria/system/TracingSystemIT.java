package io.mensageria.system;

import static io.mensageria.system.ProblemAssertions.assertApplicationProblem;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One trace id from the request through every message and log line, read back from the central store. */
class TracingSystemIT {

    private static final Duration STORED = Duration.ofSeconds(60);

    @Test
    void aRegistrationIsOneTraceAcrossAccountsBillingAndNotificationsInCausalOrder() {
        HttpResponse<String> registered = Stack.postJson(
                Stack.PROXY + "/api/users",
                Stack.registration("Ana Lima", "trace-" + UUID.randomUUID() + "@example.com", "a long enough secret"));
        assertEquals(201, registered.statusCode());
        String traceId = registered.headers().firstValue("X-Trace-Id").orElseThrow();

        JsonObject trace = await().atMost(STORED)
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> traceOf(traceId),
                        // Log lines and spans are stored apart, each instance on its own schedule: wait for
                        // the log lines of every service, not only for a span that names it.
                        t -> t != null
                                && services(t).containsAll(Set.of("accounts", "billing", "notifications"))
                                && loggingServices(t).containsAll(Set.of("accounts", "billing", "notifications"))
                                && spans(t).size() >= 3);

        List<JsonObject> entries = trace.getJsonArray("entries").getValuesAs(JsonObject.class);
        Instant registeredAt = firstOf(entries, "accounts");
        assertTrue(registeredAt.isBefore(firstOf(entries, "billing")), "accounts logs before billing: " + entries);
        assertTrue(registeredAt.isBefore(firstOf(entries, "notifications")), "and before notifications");
        assertTrue(
                entries.stream()
                        .filter(e -> !e.getString("service").equals("accounts"))
                        .allMatch(e -> e.containsKey("eventId")),
                "consumers' lines name the event they handle");

        List<JsonObject> spans = spans(trace);
        Set<String> spanIds = spans.stream().map(s -> s.getString("spanId")).collect(Collectors.toSet());
        List<JsonObject> consumers = spans.stream()
                .filter(s -> s.getString("kind").equals("CONSUMER"))
                .toList();
        assertEquals(
                Set.of("billing", "notifications"),
                consumers.stream().map(s -> s.getString("service")).collect(Collectors.toSet()));
        assertTrue(
                consumers.stream().allMatch(s -> spanIds.contains(s.getString("parentSpanId", ""))),
                "each consumer span is the child of a span of the same trace: " + spans);
        assertTrue(
                spans.stream()
                        .anyMatch(s -> s.getString("kind").equals("SERVER")
                                && s.getString("service").equals("accounts")),
                "the request's own span: " + spans);
    }

    @Test
    void eachRedeliveredAttemptShowsInTheSameTrace() {
        Account ana = Account.register("Ana Lima");
        String token = ana.signIn();
        HttpResponse<String> ordered = ana.subscribe(token, "basic");
        String traceId = ordered.headers().firstValue("X-Trace-Id").orElseThrow();
        String subscriptionId = Stack.json(ordered).getString("id");
        await().atMost(STORED).until(() -> failedAttempts(traceOf(traceId)).size() >= 1);
        assertEquals(201, ana.addCard(token, "4111111111111111", 12, 2099).statusCode());

        JsonObject trace = await().atMost(STORED)
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> traceOf(traceId),
                        t -> t != null
                                && services(t).contains("subscriptions")
                                && !failedAttempts(t).isEmpty()
                                && spans(t).stream()
                                        .anyMatch(s -> s.getString("service").equals("billing")
                                                && s.getString("status").equals("OK")));

        assertTrue(failedAttempts(trace).get(0).getString("message").contains("(attempt 1)"));
        assertTrue(
                spans(trace).stream()
                        .anyMatch(s -> s.getString("service").equals("billing")
                                && s.getString("status").equals("ERROR")
                                && s.getString("error", "").contains("CardNotYetKnown")),
                "the failed attempt's span is marked as an error");
        assertEquals(
                "ACTIVE",
                await().atMost(STORED)
                        .until(() -> ana.subscription(token, subscriptionId).getString("status"), "ACTIVE"::equals));
    }

    @Test
    void theLogCanBeSearchedAndPaged() {
        HttpResponse<String> first =
                Stack.getAsOps(Stack.APP + "/ops/traces?service=accounts&level=INFO&text=Registered&limit=1");
        assertEquals(200, first.statusCode(), first.body());
        JsonObject page = Stack.json(first);
        await().atMost(STORED)
                .until(() ->
                        Stack.json(Stack.getAsOps(Stack.APP + "/ops/traces?service=accounts&text=Registered&limit=1"))
                                        .get("next")
                                != null);
        JsonObject one = Stack.json(Stack.getAsOps(Stack.APP + "/ops/traces?service=accounts&text=Registered&limit=1"));
        JsonObject entry = one.getJsonArray("entries").getJsonObject(0);
        assertEquals("accounts", entry.getString("service"));
        assertTrue(entry.getString("message").contains("Registered"));
        JsonObject older =
                Stack.json(Stack.getAsOps(Stack.APP + "/ops/traces?service=accounts&text=Registered&limit=1&before="
                        + one.getJsonNumber("next").longValue()));
        // Older by time: ids do not follow time once several instances write their batches.
        JsonObject next = older.getJsonArray("entries").getJsonObject(0);
        assertTrue(
                !Instant.parse(next.getString("timestamp")).isAfter(Instant.parse(entry.getString("timestamp")))
                        && next.getJsonNumber("id").longValue()
                                != entry.getJsonNumber("id").longValue(),
                "the next page is older: " + next + " after " + entry);
        assertFalse(page.getJsonArray("entries").isEmpty());

        assertApplicationProblem(Stack.getAsOps(Stack.APP + "/ops/traces?level=LOUD"), 400);
        assertApplicationProblem(Stack.getAsOps(Stack.APP + "/ops/traces/not-a-trace"), 400);
        assertApplicationProblem(Stack.getAsOps(Stack.APP + "/ops/traces/" + "0".repeat(32)), 404);
    }

    private static JsonObject traceOf(String traceId) {
        return Ops.trace(traceId);
    }

    private static Set<String> services(JsonObject trace) {
        return trace.getJsonArray("services").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)
                .collect(Collectors.toSet());
    }

    private static List<JsonObject> spans(JsonObject trace) {
        return trace.getJsonArray("spans").getValuesAs(JsonObject.class);
    }

    private static List<JsonObject> failedAttempts(JsonObject trace) {
        return trace == null
                ? List.of()
                : trace.getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                        .filter(e -> e.getString("service").equals("billing")
                                && e.getString("level").equals("WARN")
                                && e.getString("message").contains("failed PlanPurchased"))
                        .toList();
    }

    private static Set<String> loggingServices(JsonObject trace) {
        return trace.getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("service"))
                .collect(Collectors.toSet());
    }

    private static Instant firstOf(List<JsonObject> entries, String service) {
        return entries.stream()
                .filter(e -> e.getString("service").equals(service))
                .map(e -> Instant.parse(e.getString("timestamp")))
                .min(Instant::compareTo)
                .orElseThrow();
    }
}
