package io.mensageria.system;

import static io.mensageria.system.ProblemAssertions.assertApplicationProblem;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The database goes down: requests are refused with 503 and a Retry-After (never a 500, nothing half
 * done), health says why, and once the database is back (started again by the launcher) all is well.
 */
class DatabaseOutageSystemIT {

    @Test
    void whileTheDatabaseIsDownRequestsAreRefusedAsUnavailableAndAfterwardsServed() throws Exception {
        Faults.stop(Faults.DATABASE);
        String email = "outage-" + UUID.randomUUID() + "@example.com";

        HttpResponse<String> refused =
                Stack.postJson(Stack.PROXY + "/api/users", Stack.registration("Outage", email, "a long enough secret"));

        assertApplicationProblem(refused, 503);
        assertTrue(refused.headers().firstValue("Retry-After").isPresent());
        assertEquals("DOWN", Faults.healthOf("database"));

        Faults.startWhatIsDown();
        await().atMost(Duration.ofSeconds(60)).until(() -> Faults.healthOf("database"), "UP"::equals);
        HttpResponse<String> served = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> Stack.postJson(
                                Stack.PROXY + "/api/users",
                                Stack.registration("Outage", email, "a long enough secret")),
                        response -> response.statusCode() != 503);
        assertEquals(201, served.statusCode(), "the refused registration changed nothing: " + served.body());
    }
}
