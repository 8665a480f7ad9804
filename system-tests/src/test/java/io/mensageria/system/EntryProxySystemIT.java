package io.mensageria.system;

import static io.mensageria.system.ProblemAssertions.assertApplicationProblem;
import static io.mensageria.system.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the entry proxy lets through, and what the app port keeps for operators. */
class EntryProxySystemIT {

    @ParameterizedTest
    @ValueSource(
            strings = {"/ops/events", "/ops/", "/health", "/metrics", "/openapi", "/", "/billing", "/notifications"})
    void onlyTheApiIsReachableThroughTheProxy(String path) {
        HttpResponse<String> response =
                Stack.get(Stack.PROXY + path, "Authorization", Stack.basic("ops", Stack.OPS_PASSWORD));
        assertProblem(response, 404);
        assertTrue(response.headers().firstValue("X-Request-Id").isPresent(), "nginx's own answers carry X-Request-Id");
    }

    @Test
    void anUnknownApiPathIsAnApplicationNotFound() {
        assertApplicationProblem(Stack.get(Stack.PROXY + "/api/nothing-here"), 404);
    }

    @Test
    void httpsAnswersTellBrowsersToStayOnHttps() {
        HttpResponse<String> https = Stack.overTls(HttpRequest.newBuilder(URI.create(Stack.TLS + "/api/plans")));

        assertEquals(200, https.statusCode(), https.body());
        assertTrue(
                https.headers()
                        .firstValue("Strict-Transport-Security")
                        .orElse("")
                        .startsWith("max-age="),
                https.headers().toString());
        assertTrue(Stack.get(Stack.PROXY + "/api/plans")
                .headers()
                .firstValue("Strict-Transport-Security")
                .isEmpty());
    }

    @Test
    void anOversizedBodyIsRefusedByTheProxy() {
        String huge = "{\"name\":\"" + "x".repeat(200_000) + "\"}";
        assertProblem(Stack.postJson(Stack.PROXY + "/api/users", huge), 413);
    }

    @Test
    void opsNeedsTheOpsCredentials() {
        assertEquals(401, Stack.get(Stack.APP + "/ops/events").statusCode());
        assertEquals(
                401,
                Stack.get(Stack.APP + "/ops/events", "Authorization", Stack.basic("ops", "wrong"))
                        .statusCode());
        assertEquals(
                401,
                Stack.get(Stack.APP + "/ops/events", "Authorization", Stack.basic("admin", Stack.OPS_PASSWORD))
                        .statusCode());
        assertEquals(200, Stack.getAsOps(Stack.APP + "/ops/events").statusCode());
    }

    @Test
    void badOpsQueriesAreBadRequests() {
        assertApplicationProblem(Stack.getAsOps(Stack.APP + "/ops/events?limit=5000"), 400);
        assertApplicationProblem(Stack.getAsOps(Stack.APP + "/ops/events?since=yesterday"), 400);
        assertApplicationProblem(Stack.getAsOps(Stack.APP + "/ops/events?traceId=XYZ"), 400);
        assertApplicationProblem(Stack.getAsOps(Stack.APP + "/ops/events?limit=many"), 400);
        assertApplicationProblem(Stack.getAsOps(Stack.APP + "/ops/events?before=-x"), 400);
    }

    @Test
    void healthIsServedOnTheAppPort() {
        HttpResponse<String> response = Stack.get(Stack.APP + "/health");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("UP", Stack.json(response).getString("status"));
    }
}
