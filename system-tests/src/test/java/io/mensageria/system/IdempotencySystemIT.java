package io.mensageria.system;

import static io.mensageria.system.ProblemAssertions.assertApplicationProblem;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** POST with an Idempotency-Key: a repeat answers as the first did and has no second effect. */
class IdempotencySystemIT {

    private static final String USERS = Stack.PROXY + "/api/users";

    @Test
    void aRepeatedRegistrationAnswersAsTheFirstAndRegistersOnce() {
        String key = UUID.randomUUID().toString();
        String email = "idem-" + UUID.randomUUID() + "@example.com";
        String body = Stack.registration("Ana Lima", email, "a long enough secret");

        HttpResponse<String> first = Stack.postJson(USERS, body, "Idempotency-Key", key);
        HttpResponse<String> repeat = Stack.postJson(USERS, body, "Idempotency-Key", key);

        assertEquals(201, first.statusCode(), first.body());
        assertEquals(201, repeat.statusCode(), repeat.body());
        assertEquals(Stack.json(first), Stack.json(repeat));
        assertEquals(first.headers().firstValue("Location"), repeat.headers().firstValue("Location"));
        assertEquals("true", repeat.headers().firstValue("Idempotent-Replayed").orElse(""));
        assertFalse(first.headers().firstValue("Idempotent-Replayed").isPresent());
        assertEquals(
                1,
                Ops.events("UserRegistered").stream()
                        .filter(e ->
                                e.getJsonObject("payload").getString("email").equals(email))
                        .count());
    }

    @Test
    void aRepeatWhileTheFirstRunsWaitsForItAndReplaysItsAnswer() throws Exception {
        String key = UUID.randomUUID().toString();
        String email = "idem-" + UUID.randomUUID() + "@example.com";
        String body = Stack.registration("Ana Lima", email, "a long enough secret");
        CompletableFuture<HttpResponse<String>> first;
        CompletableFuture<HttpResponse<String>> repeat;
        try (Connection lock = Stack.database()) {
            lock.setAutoCommit(false);
            // The first registration waits on this lock with its claim of the key taken, uncommitted.
            lock.createStatement().execute("lock table accounts.users in exclusive mode");
            first = CompletableFuture.supplyAsync(() -> Stack.postJson(USERS, body, "Idempotency-Key", key));
            await().atMost(Duration.ofSeconds(30)).until(() -> Stack.locksWaiting("accounts.users") == 1);
            repeat = CompletableFuture.supplyAsync(() -> Stack.postJson(USERS, body, "Idempotency-Key", key));
            // The repeat waits on the first's claim (a transaction lock), not answering 409.
            await().atMost(Duration.ofSeconds(30)).until(() -> Stack.locksWaiting(null) >= 2);
            lock.rollback();
        }

        assertEquals(201, first.get().statusCode(), first.get().body());
        assertEquals(201, repeat.get().statusCode(), repeat.get().body());
        assertEquals(
                "true", repeat.get().headers().firstValue("Idempotent-Replayed").orElse(""));
        assertEquals(Stack.json(first.get()), Stack.json(repeat.get()));
    }

    /** The record proves a repeat is the same request without revealing it: bodies hold passwords and cards. */
    @Test
    void theStoredFingerprintIsKeyedNotAPlainHashOfTheBody() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = Stack.registration("Ana Lima", "idem-" + UUID.randomUUID() + "@example.com", "a long password");
        assertEquals(201, Stack.postJson(USERS, body, "Idempotency-Key", key).statusCode());

        String plainHash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(("POST api/users\n" + body).getBytes(StandardCharsets.UTF_8)));
        try (Connection database = Stack.database();
                PreparedStatement select =
                        database.prepareStatement("select fingerprint from platform.idempotency_keys where key = ?")) {
            select.setString(1, key);
            ResultSet row = select.executeQuery();
            assertTrue(row.next(), "the key is recorded");
            assertEquals(64, row.getString(1).strip().length());
            assertNotEquals(plainHash, row.getString(1).strip());
        }
    }

    /** A sign-in answer holds a bearer token: it is never stored to be replayed, nor cached. */
    @Test
    void aRepeatedSignInSignsInAgainAndItsTokenIsKeptNowhere() {
        Account ana = Account.register("Ana Lima");
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first =
                Stack.postJson(Stack.PROXY + "/api/sessions", ana.credentials(), "Idempotency-Key", key);
        HttpResponse<String> repeat =
                Stack.postJson(Stack.PROXY + "/api/sessions", ana.credentials(), "Idempotency-Key", key);

        assertEquals(200, first.statusCode(), first.body());
        assertEquals(200, repeat.statusCode(), repeat.body());
        assertFalse(repeat.headers().firstValue("Idempotent-Replayed").isPresent(), "a stored token was replayed");
        assertEquals("no-store", first.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void aRejectedRequestIsRejectedAgainTheSameWay() {
        String key = UUID.randomUUID().toString();
        String body = Stack.registration("Ana Lima", "idem-" + UUID.randomUUID() + "@example.com", "short");

        int first = assertApplicationProblem(Stack.postJson(USERS, body, "Idempotency-Key", key), 400)
                .getInt("status");
        HttpResponse<String> repeat = Stack.postJson(USERS, body, "Idempotency-Key", key);

        assertEquals(first, repeat.statusCode());
        assertEquals("true", repeat.headers().firstValue("Idempotent-Replayed").orElse(""));
    }

    @Test
    void theSameKeyForADifferentRequestIsRefused() {
        String key = UUID.randomUUID().toString();
        assertEquals(
                201,
                Stack.postJson(
                                USERS,
                                Stack.registration(
                                        "Ana", "idem-" + UUID.randomUUID() + "@example.com", "a long enough secret"),
                                "Idempotency-Key",
                                key)
                        .statusCode());

        assertApplicationProblem(
                Stack.postJson(
                        USERS,
                        Stack.registration("Bob", "idem-" + UUID.randomUUID() + "@example.com", "a long enough secret"),
                        "Idempotency-Key",
                        key),
                422);
    }

    @Test
    void aRepeatedPurchaseOrdersOneSubscription() {
        Account ana = Account.register("Ana Lima");
        String token = ana.signIn();
        String key = UUID.randomUUID().toString();
        String body = "{\"planId\":\"basic\"}";

        HttpResponse<String> first = Stack.postJson(
                Stack.PROXY + "/api/subscriptions", body, "Authorization", "Bearer " + token, "Idempotency-Key", key);
        HttpResponse<String> repeat = Stack.postJson(
                Stack.PROXY + "/api/subscriptions", body, "Authorization", "Bearer " + token, "Idempotency-Key", key);

        assertEquals(202, first.statusCode(), first.body());
        assertEquals(202, repeat.statusCode(), "not 409: the repeat is the same order, " + repeat.body());
        assertEquals(Stack.json(first).getString("id"), Stack.json(repeat).getString("id"));
        assertEquals(
                1,
                Ops.events("PlanPurchased").stream()
                        .filter(e ->
                                e.getJsonObject("payload").getString("userId").equals(ana.id()))
                        .count());
    }

    @Test
    void aMalformedKeyIsABadRequest() {
        assertApplicationProblem(Stack.postJson(USERS, "{}", "Idempotency-Key", "x".repeat(201)), 400);
    }
}
