package io.mensageria.system;

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
 * The broker goes down: requests are still accepted, their events wait in the event log, and once the
 * broker is back (started again by the launcher, as an operator would) every event reaches its consumers.
 */
class BrokerOutageSystemIT {

    private static final Path DATA = Path.of(System.getProperty("mensageria.data", "var"));
    private static final Path LAUNCHER = Path.of(System.getProperty("mensageria.launcher", "./mensageria"));

    @Test
    void eventsAcceptedWhileTheBrokerIsDownAreDeliveredWhenItReturns() throws Exception {
        stopBroker();
        await().atMost(Duration.ofSeconds(30)).until(() -> brokerCheck().equals("DOWN"));

        String email = "outage-" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> response = Stack.postJson(Stack.PROXY + "/api/users",
                Stack.registration("Outage", email, "a long enough secret"));
        assertEquals(201, response.statusCode(), response.body());
        String userId = Stack.json(response).getString("id");
        JsonObject waiting = eventOf(userId);
        assertTrue(!waiting.containsKey("publishedAt"), "nothing can be published without a broker: " + waiting);
        assertEquals("PENDING", waiting.getJsonObject("consumers").getString("billing"));

        startBroker();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonObject consumers = eventOf(userId).getJsonObject("consumers");
            return "PROCESSED".equals(consumers.getString("billing"))
                    && "PROCESSED".equals(consumers.getString("notifications"));
        });
        assertEquals("UP", brokerCheck());
    }

    private static void stopBroker() throws IOException {
        long pid = Long.parseLong(Files.readString(DATA.resolve("run/broker.pid")).trim());
        ProcessHandle broker = ProcessHandle.of(pid).orElseThrow();
        broker.destroy();
        broker.onExit().join();
    }

    private static void startBroker() throws IOException, InterruptedException {
        Process up = new ProcessBuilder(LAUNCHER.toString(), "up").inheritIO().start();
        assertEquals(0, up.waitFor(), "./mensageria up starts what is not running");
    }

    private static String brokerCheck() {
        return Stack.json(Stack.get(Stack.APP + "/health")).getJsonArray("checks").getValuesAs(JsonObject.class)
                .stream().filter(c -> c.getString("name").equals("broker"))
                .map(c -> c.getString("status")).findFirst().orElse("MISSING");
    }

    private static JsonObject eventOf(String userId) {
        return Ops.event("UserRegistered", payload -> payload.getString("userId").equals(userId)).orElseThrow();
    }
}
