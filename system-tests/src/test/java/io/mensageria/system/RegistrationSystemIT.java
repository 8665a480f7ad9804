package io.mensageria.system;

import static io.mensageria.system.ProblemAssertions.assertApplicationProblem;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** POST /api/users through nginx, and what follows it on the broker, as a client and an operator see it. */
class RegistrationSystemIT {

    private static final String USERS = Stack.PROXY + "/api/users";
    private static final String PASSWORD = "a long enough secret";

    @Test
    void aUserRegisteredThroughTheProxyIsProcessedByBillingAndNotifications() {
        String email = uniqueEmail();
        HttpResponse<String> response = Stack.postJson(USERS, Stack.registration("Ana Lima", email, PASSWORD));

        assertEquals(201, response.statusCode(), response.body());
        JsonObject user = Stack.json(response);
        String id = user.getString("id");
        UUID.fromString(id);
        assertEquals("Ana Lima", user.getString("name"));
        assertEquals(email, user.getString("email"));
        assertTrue(user.containsKey("registeredAt"));
        assertFalse(response.body().contains(PASSWORD));
        assertTrue(response.headers().firstValue("Location").orElseThrow().endsWith("/api/users/" + id));
        String traceId = response.headers().firstValue("X-Trace-Id").orElseThrow();
        assertTrue(traceId.matches("[0-9a-f]{32}"), traceId);

        JsonObject event = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> userRegisteredEventOf(id),
                        e -> e != null
                                && "PROCESSED"
                                        .equals(e.getJsonObject("consumers").getString("billing", ""))
                                && "PROCESSED"
                                        .equals(e.getJsonObject("consumers").getString("notifications", "")));
        assertEquals(traceId, event.getString("traceId"), "the event carries the request's trace");
        assertEquals("accounts", event.getString("producer"));
        assertEquals(email, event.getJsonObject("payload").getString("email"));
        assertEquals(
                Set.of("userId", "name", "email"),
                event.getJsonObject("payload").keySet());
    }

    @Test
    void malformedJsonIsABadRequest() {
        assertApplicationProblem(Stack.postJson(USERS, "{\"name\": \"Ana\", \"email\": "), 400);
    }

    @Test
    void aMissingBodyIsABadRequest() {
        assertApplicationProblem(Stack.postJson(USERS, ""), 400);
    }

    @Test
    void everyMissingFieldIsNamed() {
        JsonObject problem = assertApplicationProblem(Stack.postJson(USERS, "{}"), 400);
        assertEquals(Set.of("name", "email", "password"), fieldsOf(problem));
    }

    @Test
    void anInvalidEmailIsNamedAndNothingIsStored() {
        String email = "not-an-email-" + UUID.randomUUID();
        JsonObject problem =
                assertApplicationProblem(Stack.postJson(USERS, Stack.registration("Ana", email, PASSWORD)), 400);
        assertEquals(Set.of("email"), fieldsOf(problem));
        assertNoEventMentions(email);
    }

    @Test
    void aShortPasswordIsNamedAndNothingIsStored() {
        String email = uniqueEmail();
        JsonObject problem =
                assertApplicationProblem(Stack.postJson(USERS, Stack.registration("Ana", email, "short")), 400);
        assertEquals(Set.of("password"), fieldsOf(problem));
        assertNoEventMentions(email);
    }

    @Test
    void aTakenEmailIsAConflictWhateverItsCase() {
        String email = uniqueEmail();
        assertEquals(
                201,
                Stack.postJson(USERS, Stack.registration("Ana", email, PASSWORD))
                        .statusCode());

        JsonObject problem = assertApplicationProblem(
                Stack.postJson(USERS, Stack.registration("Other", email.toUpperCase(), PASSWORD)), 409);
        assertEquals(Set.of("email"), fieldsOf(problem));
        assertEquals(1, eventsMentioning(email).size(), "the rejected registration published nothing");
    }

    @Test
    void anIncomingTraceparentIsContinued() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        HttpResponse<String> response = Stack.postJson(
                USERS,
                Stack.registration("Ana", uniqueEmail(), PASSWORD),
                "traceparent",
                "00-" + traceId + "-00f067aa0ba902b7-01");
        assertEquals(201, response.statusCode(), response.body());
        assertEquals(traceId, response.headers().firstValue("X-Trace-Id").orElseThrow());
    }

    private static Set<String> fieldsOf(JsonObject problem) {
        return problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(error -> error.getString("field"))
                .collect(Collectors.toSet());
    }

    private static JsonObject userRegisteredEventOf(String userId) {
        return Ops.event("UserRegistered", payload -> userId.equals(payload.getString("userId")))
                .orElse(null);
    }

    private static void assertNoEventMentions(String email) {
        assertEquals(List.of(), eventsMentioning(email));
    }

    private static List<JsonObject> eventsMentioning(String email) {
        return Ops.events("UserRegistered").stream()
                .filter(e -> e.getJsonObject("payload").getString("email").equalsIgnoreCase(email))
                .toList();
    }

    private static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }
}
