package io.mensageria.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Year;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Who is who: every log line and span names the instance that wrote it, and GET /ops/instances lists them. */
class InstancesSystemIT {

    private static final Duration STORED = Duration.ofSeconds(60);
    private static final int NEXT_YEAR = Year.now().getValue() + 1;

    @Test
    void everyLineAndSpanOfATraceNamesAnInstanceThatIsListedUp() {
        Account ana = Account.register("Ana Lima");
        HttpResponse<String> added = ana.addCard(ana.signIn(), "4111111111111111", 1, NEXT_YEAR);
        assertEquals(201, added.statusCode(), added.body());
        String traceId = added.headers().firstValue("X-Trace-Id").orElseThrow();
        JsonObject trace = await().atMost(STORED)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Ops.trace(traceId), t -> t != null && consumerSpans(t) > 0);

        Set<String> named = Stream.concat(entries(trace).stream(), spans(trace).stream())
                .map(line -> line.getString("instance", ""))
                .collect(Collectors.toSet());
        assertTrue(!named.contains(""), "a line or span without its instance: " + trace);
        Map<String, JsonObject> listed = await().atMost(STORED)
                .until(
                        InstancesSystemIT::listed,
                        instances -> instances.keySet().containsAll(named));
        for (String instance : named) {
            assertEquals("UP", listed.get(instance).getString("health"), instance + " " + listed.get(instance));
            URI address = URI.create(listed.get(instance).getString("httpAddress"));
            assertEquals(200, Stack.get(address.resolve("/health").toString()).statusCode(), "its address " + address);
        }
    }

    @Test
    @Tag("scale-out")
    void twoInstancesAreListedAndBothServeRequestsAndConsumeMessages() {
        Map<String, JsonObject> listed = await().atMost(STORED)
                .until(
                        InstancesSystemIT::listed,
                        instances -> instances.size() == 2
                                && instances.values().stream()
                                        .allMatch(i -> i.getString("health").equals("UP")));
        assertEquals(Set.of("instance-1", "instance-2"), listed.keySet());
        for (JsonObject instance : listed.values()) {
            String address = instance.getString("httpAddress");
            assertTrue(Stack.get(address + "/openapi").body().contains("/api/users"), "OpenAPI on " + address);
            assertTrue(Stack.get(address + "/metrics").body().contains("mensageria_"), "metrics on " + address);
        }

        Account ana = Account.register("Ana Lima");
        String token = ana.signIn();
        Set<String> traces = new HashSet<>();
        for (int card = 0; card < 20; card++) {
            HttpResponse<String> added = ana.addCard(token, "4111111111111111", 1, NEXT_YEAR);
            assertEquals(201, added.statusCode(), added.body());
            traces.add(added.headers().firstValue("X-Trace-Id").orElseThrow());
        }
        // nginx spreads the requests over both instances, and the broker billing's messages (competing
        // consumers): each instance has served some and consumed some.
        await().atMost(STORED)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> instancesOf(traces, "SERVER"), listed.keySet()::equals);
        await().atMost(STORED)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> instancesOf(traces, "CONSUMER"), listed.keySet()::equals);
    }

    private static Map<String, JsonObject> listed() {
        return Ops.instances().stream().collect(Collectors.toMap(i -> i.getString("name"), i -> i));
    }

    /** The instances whose spans of this kind (SERVER: the HTTP requests; CONSUMER: the messages) are in these traces. */
    private static Set<String> instancesOf(Set<String> traceIds, String kind) {
        return traceIds.stream()
                .map(Ops::trace)
                .filter(trace -> trace != null)
                .flatMap(trace -> spans(trace).stream())
                .filter(span -> span.getString("kind").equals(kind))
                .map(span -> span.getString("instance", ""))
                .collect(Collectors.toSet());
    }

    private static long consumerSpans(JsonObject trace) {
        return spans(trace).stream()
                .filter(span -> span.getString("kind").equals("CONSUMER"))
                .count();
    }

    private static List<JsonObject> entries(JsonObject trace) {
        return trace.getJsonArray("entries").getValuesAs(JsonObject.class);
    }

    private static List<JsonObject> spans(JsonObject trace) {
        return trace.getJsonArray("spans").getValuesAs(JsonObject.class);
    }
}
