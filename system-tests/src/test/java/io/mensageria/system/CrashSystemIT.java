package io.mensageria.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The application server dies (kill -9) while events are in flight. Once it is started again, every
 * event accepted before the crash reaches every consumer, and no prepared transaction is left in
 * PostgreSQL.
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

    private static boolean processedByAll(JsonObject event) {
        return event.getJsonObject("consumers").values().stream()
                .allMatch(state -> state.toString().equals("\"PROCESSED\""));
    }
}
