package io.mensageria.system;

import static io.mensageria.system.ProblemAssertions.assertApplicationProblem;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Sign-in with MicroProfile JWT, and who may read what, through the proxy. */
class SignInSystemIT {

    @Test
    void aSignedInUserReadsTheirOwnAccount() {
        Account ana = Account.register("Ana Lima");

        HttpResponse<String> response = Stack.postJson(Stack.PROXY + "/api/sessions", ana.credentials());

        assertEquals(200, response.statusCode(), response.body());
        JsonObject session = Stack.json(response);
        assertEquals(ana.id(), session.getString("userId"));
        assertTrue(Instant.parse(session.getString("expiresAt")).isAfter(Instant.now()));
        HttpResponse<String> own = Stack.get(
                Stack.PROXY + "/api/users/" + ana.id(), "Authorization", "Bearer " + session.getString("token"));
        assertEquals(200, own.statusCode(), own.body());
        assertEquals(ana.email(), Stack.json(own).getString("email"));
        assertFalse(own.body().contains("password"));
    }

    @Test
    void anUnknownEmailAndAWrongPasswordGetTheSameAnswer() {
        Account ana = Account.register("Ana Lima");

        JsonObject wrongPassword = assertApplicationProblem(
                Stack.postJson(Stack.PROXY + "/api/sessions", signInBody(ana.email(), "not the password at all")), 401);
        JsonObject unknownEmail = assertApplicationProblem(
                Stack.postJson(
                        Stack.PROXY + "/api/sessions",
                        signInBody("nobody-" + UUID.randomUUID() + "@example.com", ana.password())),
                401);

        assertEquals(withoutTraceId(wrongPassword), withoutTraceId(unknownEmail));
    }

    @Test
    void aGuardedRouteWithoutATokenIsUnauthorized() {
        Account ana = Account.register("Ana Lima");
        HttpResponse<String> response = Stack.get(Stack.PROXY + "/api/users/" + ana.id());
        assertApplicationProblem(response, 401);
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    }

    @Test
    void aTamperedTokenIsUnauthorized() {
        Account ana = Account.register("Ana Lima");
        Account bob = Account.register("Bob Reis");
        String[] parts = ana.signIn().split("\\.");
        String claimsForBob = new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace(ana.id(), bob.id());
        String tampered = parts[0] + "."
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(claimsForBob.getBytes()) + "."
                + parts[2];

        assertApplicationProblem(
                Stack.get(Stack.PROXY + "/api/users/" + bob.id(), "Authorization", "Bearer " + tampered), 401);
    }

    /** Payara logged each rejected token with a stack trace at INFO: a cheap way to flood server.log. */
    @Test
    void aRejectedTokenLeavesNoStackTraceInTheServerLog() throws Exception {
        LogPosition start = LogPosition.of(Stack.DATA.resolve("payara/mensageria/logs/server.log"));
        Account ana = Account.register("Ana Lima");
        String token = ana.signIn();
        String badSignature = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertApplicationProblem(
                Stack.get(Stack.PROXY + "/api/users/" + ana.id(), "Authorization", "Bearer " + badSignature), 401);

        // A line logged after the refusal marks how far the log must be read.
        String after = Account.register("Marker").id();
        await().atMost(Duration.ofSeconds(30)).until(() -> start.since().contains("Registered user " + after));
        assertFalse(start.since().contains("Exception trying to parse JWT token"), "a stack trace per rejected token");
    }

    /** Where server.log stood: its length, and the rotated files (server.log_TIME) there were then. */
    private record LogPosition(Path log, long offset, List<Path> rotated) {

        static LogPosition of(Path log) throws IOException {
            return new LogPosition(log, Files.size(log), rotatedFiles(log));
        }

        /**
         * What the server logged since: Payara rotates server.log at 2 MB, so the start may now be in
         * the oldest file rotated since, the rest in newer ones and in server.log.
         */
        String since() throws IOException {
            List<Path> newer =
                    rotatedFiles(log).stream().filter(f -> !rotated.contains(f)).toList();
            StringBuilder text = new StringBuilder();
            long from = offset;
            for (Path file : Stream.concat(newer.stream(), Stream.of(log)).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                int skip = (int) Math.min(from, bytes.length);
                text.append(new String(bytes, skip, bytes.length - skip, StandardCharsets.UTF_8));
                from = 0;
            }
            return text.toString();
        }

        private static List<Path> rotatedFiles(Path log) throws IOException {
            try (Stream<Path> files = Files.list(log.getParent())) {
                return files.filter(f -> f.getFileName().toString().startsWith("server.log_"))
                        .sorted()
                        .toList();
            }
        }
    }

    @Test
    void aTokenSignedWithAnotherKeyIsUnauthorized() throws Exception {
        Account ana = Account.register("Ana Lima");
        String forged = ForgedTokens.token(
                ForgedTokens.someOtherKey(),
                ana.id(),
                Instant.now(),
                Instant.now().plus(Duration.ofHours(1)));
        assertApplicationProblem(
                Stack.get(Stack.PROXY + "/api/users/" + ana.id(), "Authorization", "Bearer " + forged), 401);
    }

    @Test
    void anExpiredTokenIsUnauthorizedWhereAFreshOneFromTheSameKeyIsNot() throws Exception {
        Account ana = Account.register("Ana Lima");
        PrivateKey key = ForgedTokens.applicationKey(Stack.DATA);
        Instant now = Instant.now();
        String fresh = ForgedTokens.token(key, ana.id(), now, now.plus(Duration.ofMinutes(5)));
        String expired =
                ForgedTokens.token(key, ana.id(), now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)));

        assertEquals(
                200,
                Stack.get(Stack.PROXY + "/api/users/" + ana.id(), "Authorization", "Bearer " + fresh)
                        .statusCode());
        assertApplicationProblem(
                Stack.get(Stack.PROXY + "/api/users/" + ana.id(), "Authorization", "Bearer " + expired), 401);
    }

    @Test
    void anotherUsersAccountIsForbidden() {
        Account ana = Account.register("Ana Lima");
        Account bob = Account.register("Bob Reis");
        assertApplicationProblem(
                Stack.get(Stack.PROXY + "/api/users/" + bob.id(), "Authorization", "Bearer " + ana.signIn()), 403);
    }

    @Test
    void aUserTokenOpensNothingUnderOpsAndOpsCredentialsOpenNoUsersData() {
        Account ana = Account.register("Ana Lima");
        assertEquals(
                401,
                Stack.get(Stack.APP + "/ops/events", "Authorization", "Bearer " + ana.signIn())
                        .statusCode());
        assertApplicationProblem(
                Stack.get(
                        Stack.PROXY + "/api/users/" + ana.id(),
                        "Authorization",
                        Stack.basic("ops", Stack.OPS_PASSWORD)),
                401);
    }

    @Test
    void repeatedFailuresForOneEmailAreSlowedDownEvenForTheRightPassword() {
        Account ana = Account.register("Ana Lima");
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertEquals(
                    401,
                    Stack.postJson(Stack.PROXY + "/api/sessions", signInBody(ana.email(), "wrong guess " + attempt))
                            .statusCode());
        }

        HttpResponse<String> throttled = Stack.postJson(Stack.PROXY + "/api/sessions", ana.credentials());

        assertApplicationProblem(throttled, 429);
        assertTrue(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow()) >= 1);
    }

    @Test
    void passwordsNeverReachTheServerLog() throws Exception {
        Account ana = Account.register("Ana Lima");
        ana.signIn();
        Stack.postJson(Stack.PROXY + "/api/sessions", signInBody(ana.email(), ana.password() + "-wrong"));

        try (var logs = Files.list(Stack.DATA.resolve("payara/mensageria/logs"))) {
            for (Path log : logs.filter(f -> f.getFileName().toString().startsWith("server.log"))
                    .toList()) {
                assertFalse(Files.readString(log).contains(ana.password()), log + " holds a password");
            }
        }
        assertEquals(
                "[]",
                Stack.json(Stack.getAsOps(Stack.APP + "/ops/traces?text=" + ana.password()))
                        .getJsonArray("entries")
                        .toString(),
                "the central log holds a password");
    }

    @Test
    void theOpenApiDocumentNamesTheBearerSchemeOnEveryGuardedRouteAndOnlyThere() {
        JsonObject api = Stack.json(Stack.get(Stack.APP + "/openapi", "Accept", "application/json"));
        assertEquals(
                "bearer",
                api.getJsonObject("components")
                        .getJsonObject("securitySchemes")
                        .getJsonObject("bearer")
                        .getString("scheme"));
        for (String guarded : List.of(
                "/api/users/{userId}", "/api/users/{userId}/cards", "/api/subscriptions", "/api/subscriptions/{id}")) {
            operations(api, guarded)
                    .forEach(operation -> assertEquals(
                            "bearer",
                            operation
                                    .getJsonArray("security")
                                    .getJsonObject(0)
                                    .keySet()
                                    .iterator()
                                    .next(),
                            guarded));
        }
        for (String open : List.of("/api/users", "/api/sessions", "/api/plans")) {
            operations(api, open)
                    .forEach(operation -> assertEquals(
                            "[{}]", operation.getJsonArray("security").toString(), open + " is open to anyone"));
        }
    }

    @Test
    void theOpenApiDocumentSendsClientsToThePublicUrl() {
        JsonObject api = Stack.json(Stack.get(Stack.APP + "/openapi", "Accept", "application/json"));
        assertEquals(
                Stack.PROXY,
                api.getJsonArray("servers").getJsonObject(0).getString("url"),
                "the server a generated client or the reference page calls");
    }

    /** The operations of one path (its other members, such as shared parameters, left out). */
    private static List<JsonObject> operations(JsonObject api, String path) {
        JsonObject item = api.getJsonObject("paths").getJsonObject(path);
        return Stream.of("get", "post", "put", "patch", "delete")
                .filter(item::containsKey)
                .map(item::getJsonObject)
                .toList();
    }

    private static String signInBody(String email, String password) {
        return Account.signInBody(email, password);
    }

    private static JsonObject withoutTraceId(JsonObject problem) {
        return Json.createObjectBuilder(problem).remove("traceId").build();
    }
}
