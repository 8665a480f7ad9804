package io.mensageria.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** What an operator sees on the app port: the event log, traces, instances, the audit trail and the dead letters. */
final class Ops {

    private Ops() {}

    static List<JsonObject> events(String type) {
        return eventsOf("type=" + type);
    }

    /** Logged events of this type that occurred since then, newest first (at most 1,000). */
    static List<JsonObject> eventsSince(String type, OffsetDateTime since) {
        return eventsOf("type=" + type + "&since=" + URLEncoder.encode(since.toString(), StandardCharsets.UTF_8));
    }

    private static List<JsonObject> eventsOf(String query) {
        HttpResponse<String> response = Stack.getAsOps(Stack.APP + "/ops/events?" + query + "&limit=1000");
        assertEquals(200, response.statusCode(), response.body());
        return Stack.json(response).getJsonArray("events").stream()
                .map(JsonValue::asJsonObject)
                .toList();
    }

    /** The newest logged event of this type whose payload matches. */
    static Optional<JsonObject> event(String type, Predicate<JsonObject> payload) {
        return events(type).stream()
                .filter(e -> payload.test(e.getJsonObject("payload")))
                .findFirst();
    }

    static String consumerState(JsonObject event, String consumer) {
        return event.getJsonObject("consumers").getString(consumer, "MISSING");
    }

    /** One trace from the central store (entries and spans), or null while nothing of it is stored. */
    static JsonObject trace(String traceId) {
        HttpResponse<String> response = Stack.getAsOps(Stack.APP + "/ops/traces/" + traceId);
        return response.statusCode() == 200 ? Stack.json(response) : null;
    }

    /** The application instances, as GET /ops/instances lists them. */
    static List<JsonObject> instances() {
        HttpResponse<String> response = Stack.getAsOps(Stack.APP + "/ops/instances");
        assertEquals(200, response.statusCode(), response.body());
        return Stack.parse(response.body()).asJsonArray().getValuesAs(JsonObject.class);
    }

    /** The newest entries of the audit trail, newest first. */
    static List<JsonObject> auditEntries(int limit) {
        HttpResponse<String> response = Stack.getAsOps(Stack.APP + "/ops/audit?limit=" + limit);
        assertEquals(200, response.statusCode(), response.body());
        return Stack.json(response).getJsonArray("entries").getValuesAs(JsonObject.class);
    }

    static List<JsonObject> deadLetters(String query) {
        HttpResponse<String> response = Stack.getAsOps(Stack.APP + "/ops/dead-letters" + query);
        assertEquals(200, response.statusCode(), response.body());
        return Stack.parse(response.body()).asJsonArray().stream()
                .map(JsonValue::asJsonObject)
                .toList();
    }
}
