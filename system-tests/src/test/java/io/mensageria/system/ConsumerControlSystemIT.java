package io.mensageria.system;

import static io.mensageria.system.ProblemAssertions.assertApplicationProblem;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Consumer control through the ops API: an operator's pause holds a consumer's messages, unhandled and
 * without using an attempt, for longer than its whole retry schedule, and its resume lets them all be
 * processed; the payment gateway failing trips billing's kill switch, so that purchases wait instead
 * of dead-lettering, across a restart, and complete once the gateway answers again.
 */
class ConsumerControlSystemIT {

    private static final String NOTIFICATIONS_REGISTRATIONS = "Consumer.notifications.VirtualTopic.UserRegistered";
    private static final String PURCHASES = "Consumer.billing.VirtualTopic.PlanPurchased";
    private static final Duration SETTLED = Duration.ofSeconds(60);
    /** Longer than the whole retry schedule of ./mensageria test (a quick retry, then rounds of 1, 2 and 4 s). */
    private static final Duration LONGER_THAN_THE_RETRY_SCHEDULE = Duration.ofSeconds(12);

    @AfterAll
    static void runningAndHealthy() throws Exception {
        resume("notifications");
        resume("billing");
        Faults.launcher(Map.of(), "up");
    }

    @Test
    void aPausedConsumerHoldsItsMessagesPastItsRetryScheduleAndProcessesThemOnResume() {
        HttpResponse<String> paused = pause("notifications", "{\"reason\":\"mail provider maintenance\"}");
        assertEquals(202, paused.statusCode(), paused.body());
        JsonObject notifications = consumer("notifications");
        assertEquals("PAUSED", notifications.getString("state"));
        assertEquals("mail provider maintenance", notifications.getString("pausedReason"));
        assertEquals("ops", notifications.getString("pausedBy"));
        assertEquals("PAUSED", queue(notifications, NOTIFICATIONS_REGISTRATIONS).getString("state"));
        assertEquals("RUNNING", consumer("billing").getString("state"), "another consumer runs on");
        assertTrue(
                Pattern.compile(
                                "^mensageria_consumer_paused\\{consumer=\"notifications\",event_type=\"UserRegistered\""
                                        + "[^}]*} 1(\\.0)?$",
                                Pattern.MULTILINE)
                        .matcher(Stack.get(Stack.APP + "/metrics").body())
                        .find(),
                "the pause on /metrics");

        List<Account> users = List.of(Account.register("Held One"), Account.register("Held Two"));
        // Billing, not paused, processes the same events meanwhile.
        users.forEach(user ->
                await().atMost(SETTLED).until(() -> state(user, "UserRegistered", "billing"), "PROCESSED"::equals));
        await().atMost(SETTLED)
                .until(() -> queue(consumer("notifications"), NOTIFICATIONS_REGISTRATIONS)
                                .getJsonNumber("held")
                                .longValue()
                        >= users.size());
        await().during(LONGER_THAN_THE_RETRY_SCHEDULE)
                .atMost(LONGER_THAN_THE_RETRY_SCHEDULE.plusSeconds(10))
                .until(() -> users.stream()
                        .allMatch(user -> "PENDING".equals(state(user, "UserRegistered", "notifications"))));

        assertEquals(202, resume("notifications").statusCode());
        users.forEach(user -> await().atMost(SETTLED)
                .until(() -> state(user, "UserRegistered", "notifications"), "PROCESSED"::equals));
        assertEquals("RUNNING", consumer("notifications").getString("state"));
        assertEquals(
                List.of(),
                Ops.deadLetters("?consumer=notifications&eventType=UserRegistered").stream()
                        .filter(letter -> users.stream()
                                .anyMatch(user -> letter.toString().contains(user.id())))
                        .toList(),
                "nothing dead-lettered while paused");
        // The wait shows in the service level: critical time runs from the event's occurrence to its commit.
        JsonObject level = await().atMost(SETTLED)
                .until(
                        () -> consumer("notifications"),
                        c -> c.getJsonArray("minutes").getValuesAs(JsonObject.class).stream()
                                .anyMatch(minute ->
                                        minute.getJsonNumber("p99CriticalMs").doubleValue()
                                                >= LONGER_THAN_THE_RETRY_SCHEDULE.toMillis()));
        assertTrue(level.getJsonNumber("processed").longValue() >= users.size(), level.toString());
        assertTrue(
                level.getJsonObject("criticalMs").getJsonNumber("p99").doubleValue()
                        >= level.getJsonObject("processingMs")
                                .getJsonNumber("p99")
                                .doubleValue(),
                level.toString());
        List<JsonObject> trail = Ops.auditEntries(2);
        assertEquals(
                List.of("RESUME", "PAUSE"),
                trail.stream().map(e -> e.getString("action")).toList());
        assertEquals("consumer:notifications", trail.get(1).getString("target"));
        assertEquals("mail provider maintenance", trail.get(1).getString("detail"));
    }

    @Test
    void onlyAKnownConsumerCanBePausedAndAReasonIsPlainText() {
        assertApplicationProblem(pause("nobody", ""), 404);
        assertEquals(202, resume("notifications").statusCode(), "resuming a running consumer changes nothing");
        assertApplicationProblem(pause("notifications", "{\"reason\":\"tab\\tinside\"}"), 400);
        assertApplicationProblem(pause("notifications", "{\"reason\":\"" + "x".repeat(501) + "\"}"), 400);
        assertEquals("RUNNING", consumer("notifications").getString("state"), "a refused pause changes nothing");
    }

    @Test
    void theGatewayFailingPausesPurchasesUntilItAnswersAgainAndNoneIsDeadLettered() throws Exception {
        List<Account> buyers = List.of(Account.register("Buyer One"), Account.register("Buyer Two"));
        List<String> tokens = buyers.stream().map(Account::signIn).toList();
        for (int i = 0; i < buyers.size(); i++) {
            HttpResponse<String> card = buyers.get(i).addCard(tokens.get(i), "4111 1111 1111 1111", 12, nextYear());
            assertEquals(201, card.statusCode(), card.body());
        }
        // Billing keeps both cards before the restart: every charge below reaches the failing gateway,
        // none fails for a card billing does not know yet (which would dead-letter it without a call).
        buyers.forEach(buyer ->
                await().atMost(SETTLED).until(() -> state(buyer, "CardAdded", "billing"), "PROCESSED"::equals));

        Faults.launcher(Map.of("MENSAGERIA_GATEWAY_MODE", "fail"), "up");
        List<String> subscriptions = List.of(
                Stack.json(buyers.get(0).subscribe(tokens.get(0), "basic")).getString("id"),
                Stack.json(buyers.get(1).subscribe(tokens.get(1), "basic")).getString("id"));
        JsonObject billing;
        try {
            billing = await().atMost(SETTLED)
                    .until(() -> consumer("billing"), c -> "PAUSED".equals(c.getString("state")));
        } catch (ConditionTimeoutException e) {
            // Say why the charges failed. Twice in CI they failed on and on while the circuit never stayed open:
            // Payara took its 10 s delay for 10 ms (PaymentGatewayClient.CIRCUIT_DELAY_MILLIS says more).
            throw new AssertionError(
                    "billing never paused; its log of the first purchase: " + billingLog(subscriptions.get(0)), e);
        }
        assertEquals("kill switch", billing.getString("pausedBy"));
        assertTrue(billing.getString("pausedReason").contains("circuit"), billing.toString());
        assertEquals(
                "RUNNING",
                queue(billing, "Consumer.billing.VirtualTopic.UserRegistered").getString("state"));
        await().atMost(SETTLED)
                .until(() -> queue(consumer("billing"), PURCHASES)
                                .getJsonNumber("held")
                                .longValue()
                        >= subscriptions.size());
        await().during(LONGER_THAN_THE_RETRY_SCHEDULE)
                .atMost(LONGER_THAN_THE_RETRY_SCHEDULE.plusSeconds(10))
                .until(() ->
                        subscriptions.stream().noneMatch(id -> deadLettered(id).isPresent()));

        // The pause is in the database: the restarted server keeps it until the gateway answers.
        Faults.launcher(Map.of(), "up");
        for (int i = 0; i < buyers.size(); i++) {
            Account buyer = buyers.get(i);
            String token = tokens.get(i);
            String id = subscriptions.get(i);
            await().atMost(SETTLED)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> buyer.subscription(token, id).getString("status"), "ACTIVE"::equals);
        }
        assertEquals("RUNNING", consumer("billing").getString("state"));
        assertTrue(subscriptions.stream().noneMatch(id -> deadLettered(id).isPresent()), "none dead-lettered");
        List<JsonObject> switched = Ops.auditEntries(100).stream()
                .filter(e -> e.getString("by").equals("kill switch"))
                .toList();
        assertEquals(
                List.of("RESUME", "PAUSE"),
                switched.stream().limit(2).map(e -> e.getString("action")).toList(),
                "paused before the restart, resumed after it: " + switched);
    }

    private static HttpResponse<String> pause(String consumer, String body) {
        return Stack.postJson(
                Stack.APP + "/ops/consumers/" + consumer + "/pause",
                body,
                "Authorization",
                Stack.basic("ops", Stack.OPS_PASSWORD));
    }

    private static HttpResponse<String> resume(String consumer) {
        return Stack.postJsonAsOps(Stack.APP + "/ops/consumers/" + consumer + "/resume");
    }

    static JsonObject consumer(String name) {
        HttpResponse<String> response = Stack.getAsOps(Stack.APP + "/ops/consumers");
        assertEquals(200, response.statusCode(), response.body());
        return Stack.parse(response.body()).asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("consumer").equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static JsonObject queue(JsonObject consumer, String name) {
        return consumer.getJsonArray("queues").getValuesAs(JsonObject.class).stream()
                .filter(q -> q.getString("queue").equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** How far this consumer is with the user's one event of this type. */
    private static String state(Account user, String eventType, String consumer) {
        return Ops.event(eventType, p -> p.getString("userId").equals(user.id()))
                .map(e -> Ops.consumerState(e, consumer))
                .orElse("NOT LOGGED");
    }

    /** Billing's log lines in the trace of this subscription's purchase. */
    private static List<String> billingLog(String subscriptionId) {
        return Ops.event("PlanPurchased", p -> p.getString("subscriptionId").equals(subscriptionId))
                .map(event -> Ops.trace(event.getString("traceId")))
                .map(trace -> trace.getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                        .filter(entry -> entry.getString("service", "").equals("billing"))
                        .map(entry -> entry.getString("level", "") + " " + entry.getString("message", ""))
                        .toList())
                .orElse(List.of("(no PlanPurchased logged)"));
    }

    private static Optional<JsonObject> deadLettered(String subscriptionId) {
        return Ops.deadLetters("?consumer=billing&eventType=PlanPurchased&state=all").stream()
                .filter(d ->
                        d.getJsonObject("payload").getString("subscriptionId").equals(subscriptionId))
                .findFirst();
    }

    private static int nextYear() {
        return Year.now().getValue() + 1;
    }
}
