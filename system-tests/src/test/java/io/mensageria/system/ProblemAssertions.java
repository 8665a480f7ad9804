package io.mensageria.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;

/** What every error answer must be: RFC 9457 problem+json with the status repeated in the body. */
final class ProblemAssertions {

    private ProblemAssertions() {}

    static JsonObject assertProblem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(
                "application/problem+json",
                response.headers()
                        .firstValue("Content-Type")
                        .orElse("")
                        .split(";")[0]
                        .trim());
        JsonObject problem = Stack.json(response);
        assertEquals(status, problem.getInt("status"));
        assertTrue(problem.containsKey("title"), "a problem has a title: " + problem);
        assertTrue(problem.containsKey("type"), "a problem has a type: " + problem);
        return problem;
    }

    /** A problem answered by the application carries the request's trace id in header and body. */
    static JsonObject assertApplicationProblem(HttpResponse<String> response, int status) {
        JsonObject problem = assertProblem(response, status);
        String traceId = response.headers().firstValue("X-Trace-Id").orElseThrow();
        assertTrue(traceId.matches("[0-9a-f]{32}"), traceId);
        assertEquals(traceId, problem.getString("traceId"));
        return problem;
    }
}
