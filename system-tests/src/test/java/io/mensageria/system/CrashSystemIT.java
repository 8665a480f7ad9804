package io.mensageria.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The application server dies (kill -9) while events are in flight. Once it is started again, every
 * event accepted before the crash reaches every consumer, and no prepared transaction is left in
 * PostgreSQL; a request it was serving with an Idempotency-Key runs when the client repeats it.
 */
class CrashSystemIT {

    private static final int USERS = 12;

    @Test
    void nothingAcceptedBeforeACrashIsLost() throws Exception {
        List<String> userIds = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            HttpResponse<String> response = Stack.postJson(
                    Stack.PROXY + "/api/users",
                    Stack.registration(
                            "Crash " + i, "crash-" + UUID.randomUUID() + "@example.com", "a long enough secret"));
            assertEquals(201, response.statusCode(), response.body());
            userIds.add(Stack.json(response).getString("id"));
        }

        Faults.kill(Faults.SERVER);
        Faults.startWhatIsDown();

        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> userIds.stream()
                        .allMatch(id -> Ops.event(
                                        "UserRegistered",
                                        p -> p.getString("userId").equals(id))
                                .map(CrashSystemIT::processedByAll)
                                .orElse(false)));
        try (Connection database = Stack.database();
                ResultSet prepared =
                        database.createStatement().executeQuery("select count(*) from pg_prepared_xacts")) {
            prepared.next();
            assertEquals(0, prepared.getInt(1), "no prepared transaction left in PostgreSQL");
        }
    }

    @Test
    void aKeyedRequestCutShortByACrashRunsWhenRepeated() throws Exception {
        String email = "cut-short-" + UUID.randomUUID() + "@example.com";
        String registration = Stack.registration("Cut Short", email, "a long enough secret");
        String key = UUID.randomUUID().toString();
        CompletableFuture<HttpResponse<String>> first;
        try (Connection lock = Stack.database()) {
            lock.setAutoCommit(false);
            // The registration waits on this lock, its claim of the key taken, when the server dies.
            lock.createStatement().execute("lock table accounts.users in exclusive mode");
            first = CompletableFuture.supplyAsync(
                    () -> Stack.postJson(Stack.PROXY + "/api/users", registration, "Idempotency-Key", key));
            await().atMost(Duration.ofSeconds(30)).until(() -> Stack.locksWaiting("accounts.users") > 0);
            Faults.kill(Faults.SERVER);
            lock.rollback();
        }
        assertEquals(502, first.get().statusCode(), "the proxy's answer when the server died under the request");
        Faults.startWhatIsDown();

        // Not 409 "still in progress" for a day: the claim died with the request's transaction.
        HttpResponse<String> repeat = Stack.postJson(Stack.PROXY + "/api/users", registration, "Idempotency-Key", key);
        assertEquals(201, repeat.statusCode(), repeat.body());
        assertEquals(1, usersWithEmail(email), "registered once");
        HttpResponse<String> again = Stack.postJson(Stack.PROXY + "/api/users", registration, "Idempotency-Key", key);
        assertEquals(201, again.statusCode(), again.body());
        assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(""));
        assertEquals(1, usersWithEmail(email), "and the repeat replayed, not registered again");
    }

    private static int usersWithEmail(String email) throws Exception {
        try (Connection database = Stack.database();
                PreparedStatement users =
                        database.prepareStatement("select count(*) from accounts.users where email = ?")) {
            users.setString(1, email);
            try (ResultSet count = users.executeQuery()) {
                count.next();
                return count.getInt(1);
            }
        }
    }

    private static boolean processedByAll(JsonObject event) {
        return event.getJsonObject("consumers").values().stream()
                .allMatch(state -> state.toString().equals("\"PROCESSED\""));
    }
}
