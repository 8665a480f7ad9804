package io.mensageria.system;

import static io.mensageria.system.ProblemAssertions.assertApplicationProblem;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What a hostile client sends in text, paths and headers is refused with 400 or ignored, never a 500. */
class UntrustedInputSystemIT {

    private static final String NUL = "\u0000";

    @Test
    void aControlCharacterInAJsonTextFieldIsRefusedAndNothingIsStored() {
        String email = "user-" + UUID.randomUUID() + "@example.com";
        String password = "pw-" + UUID.randomUUID();

        HttpResponse<String> registration =
                Stack.postJson(Stack.PROXY + "/api/users", Stack.registration("Ana" + NUL, email, password));

        assertRefusedField(registration, "name");
        assertEquals(
                201,
                Stack.postJson(Stack.PROXY + "/api/users", Stack.registration("Ana", email, password))
                        .statusCode(),
                "the refused registration stored nothing, so the email is still free");
        assertRefusedField(
                Stack.postJson(Stack.PROXY + "/api/sessions", Account.signInBody(email + NUL, password)), "email");
        assertRefusedField(
                Stack.postJson(Stack.PROXY + "/api/sessions", Account.signInBody(email, password + "\u0007")),
                "password");
    }

    @Test
    void aControlCharacterInAPlanOrACardIsRefused() {
        Account ana = Account.register("Ana Lima");
        String token = ana.signIn();

        assertRefusedField(ana.subscribe(token, "basic" + NUL), "planId");
        String card = Json.createObjectBuilder()
                .add("number", "4111111111111111")
                .add("holder", "Ana\nLima")
                .add("expiryMonth", 12)
                .add("expiryYear", 2035)
                .build()
                .toString();
        assertRefusedField(
                Stack.postJson(
                        Stack.PROXY + "/api/users/" + ana.id() + "/cards", card, "Authorization", "Bearer " + token),
                "holder");
    }

    @Test
    void aControlCharacterInAPathOrQueryIsRefused() {
        assertRefusedField(Stack.get(Stack.PROXY + "/api/plans?x=%00"), "query");
        assertRefusedField(Stack.get(Stack.APP + "/api/plans/%01"), "path");
        assertRefusedField(
                Stack.get(
                        Stack.APP + "/ops/traces?text=a%00b", "Authorization", Stack.basic("ops", Stack.OPS_PASSWORD)),
                "query");
    }

    /** The container's security rules and JAX-RS read {@code /api/users;x/...} differently; no route needs it. */
    @Test
    void aPathWithParametersIsRefused() {
        Account ana = Account.register("Ana Lima");
        String strangersToken = Account.register("Sam Stranger").signIn();

        HttpResponse<String> response = Stack.postJson(
                Stack.APP + "/api/users;x/" + ana.id() + "/cards", "{}", "Authorization", "Bearer " + strangersToken);

        assertRefusedField(response, "path");
    }

    @Test
    void linksAreBuiltOnThePublicUrlNeverOnTheHostHeader() {
        HttpResponse<String> response = Stack.postJson(
                Stack.APP + "/api/users",
                Stack.registration("Ana Lima", "user-" + UUID.randomUUID() + "@example.com", "a long password"),
                "Host",
                "evil.example");

        assertEquals(201, response.statusCode(), response.body());
        String location = response.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(Stack.PROXY + "/api/users/"), location);
    }

    @Test
    void forwardingHeadersFromAnyoneButTheProxyAreIgnored() {
        String key = UUID.randomUUID().toString();
        String body = Stack.registration("Ana Lima", "user-" + UUID.randomUUID() + "@example.com", "a long password");

        HttpResponse<String> first = Stack.postJson(
                Stack.APP + "/api/users", body, "Idempotency-Key", key, "X-Forwarded-For", "10.0.0.1, ".repeat(200));
        HttpResponse<String> second =
                Stack.postJson(Stack.APP + "/api/users", body, "Idempotency-Key", key, "X-Forwarded-For", "10.9.9.9");

        assertEquals(201, first.statusCode(), first.body());
        // Forged addresses do not make two callers of one: the repeat is answered as the first was.
        assertEquals(201, second.statusCode(), second.body());
        assertEquals("true", second.headers().firstValue("Idempotent-Replayed").orElse(""));
    }

    /** A client's method becomes a span's name; one that overflows its column must not lose the others. */
    @Test
    void anOversizedMethodLosesNoSpan() {
        double droppedBefore = droppedSpans();

        HttpResponse<String> odd = Stack.send(HttpRequest.newBuilder(URI.create(Stack.APP + "/api/plans"))
                .method("X".repeat(250), HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> plain = Stack.get(Stack.APP + "/api/plans");

        assertTrue(odd.statusCode() >= 400 && odd.statusCode() < 500, odd.statusCode() + " " + odd.body());
        String traceId = plain.headers().firstValue("X-Trace-Id").orElseThrow();
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        Stack.getAsOps(Stack.APP + "/ops/traces/" + traceId).statusCode() == 200
                                && !Stack.json(Stack.getAsOps(Stack.APP + "/ops/traces/" + traceId))
                                        .getJsonArray("spans")
                                        .isEmpty());
        assertEquals(droppedBefore, droppedSpans());
    }

    private static double droppedSpans() {
        Matcher line = Pattern.compile("^mensageria_span_dropped_total(?:\\{[^}]*})? ([0-9.E+-]+)$", Pattern.MULTILINE)
                .matcher(Stack.get(Stack.APP + "/metrics").body());
        assertTrue(line.find(), "the metric mensageria_span_dropped_total");
        return Double.parseDouble(line.group(1));
    }

    private static void assertRefusedField(HttpResponse<String> response, String field) {
        JsonObject problem = assertApplicationProblem(response, 400);
        assertTrue(
                problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                        .anyMatch(error -> error.getString("field").equals(field)),
                problem.toString());
    }
}
