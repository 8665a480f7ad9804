package io.mensageria.system;

import static io.mensageria.system.ProblemAssertions.assertApplicationProblem;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The database goes down: requests are refused with 503 and a Retry-After (never a 500, nothing half
 * done), health says why, and once the database is back (started again by the launcher) all is well.
 */
class DatabaseOutageSystemIT {

    private static final Path DATA = Path.of(System.getProperty("mensageria.data", "var"));
    private static final Path LAUNCHER = Path.of(System.getProperty("mensageria.launcher", "./mensageria"));

    @Test
    void whileTheDatabaseIsDownRequestsAreRefusedAsUnavailableAndAfterwardsServed() throws Exception {
        stopDatabase();
        String email = "outage-" + UUID.randomUUID() + "@example.com";

        HttpResponse<String> refused = Stack.postJson(Stack.PROXY + "/api/users",
                Stack.registration("Outage", email, "a long enough secret"));

        assertApplicationProblem(refused, 503);
        assertTrue(refused.headers().firstValue("Retry-After").isPresent());
        assertEquals("DOWN", check("database"));

        startDatabase();
        await().atMost(Duration.ofSeconds(60)).until(() -> check("database"), "UP"::equals);
        HttpResponse<String> served = await().atMost(Duration.ofSeconds(60)).until(() -> Stack.postJson(
                Stack.PROXY + "/api/users", Stack.registration("Outage", email, "a long enough secret")),
                response -> response.statusCode() != 503);
        assertEquals(201, served.statusCode(), "the refused registration changed nothing: " + served.body());
    }

    private static void stopDatabase() throws IOException {
        long pid = Long.parseLong(Files.readString(DATA.resolve("run/postgres.pid")).trim());
        ProcessHandle database = ProcessHandle.of(pid).orElseThrow();
        database.destroy();
        database.onExit().join();
    }

    private static void startDatabase() throws IOException, InterruptedException {
        Process up = new ProcessBuilder(LAUNCHER.toString(), "up").inheritIO().start();
        assertEquals(0, up.waitFor(), "./mensageria up starts what is not running");
    }

    private static String check(String name) {
        return Stack.json(Stack.get(Stack.APP + "/health")).getJsonArray("checks").getValuesAs(JsonObject.class)
                .stream().filter(c -> c.getString("name").equals(name))
                .map(c -> c.getString("status")).findFirst().orElse("MISSING");
    }
}
