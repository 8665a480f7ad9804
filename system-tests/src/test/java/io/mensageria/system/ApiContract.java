package io.mensageria.system;

import static org.junit.jupiter.api.Assertions.fail;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The contract test: every answer the system tests get from the API (/api through the proxy or the app
 * port, /ops on the app port) is checked against the OpenAPI document the server publishes at /openapi. A status,
 * header, media type or body the document does not describe fails the test that received it, so the
 * document cannot drift from the code. A request for a route the document does not have must be
 * refused (an error): a route that answers with success but is not documented is drift too.
 */
final class ApiContract {

    /** The report's keys for "no such route in the document". */
    private static final Set<String> UNKNOWN_ROUTE =
            Set.of("validation.request.path.missing", "validation.request.operation.notAllowed");

    private ApiContract() {}

    static void check(HttpRequest request, HttpResponse<String> response) {
        // A 308 is the proxy sending plain HTTP to the HTTPS server the document names, not an answer.
        if (!isApi(request) || response.statusCode() == 308) {
            return;
        }
        ValidationReport report =
                Validator.INSTANCE.validateResponse(request.uri().getPath(), methodOf(request), simple(response));
        boolean unknownRoute = report.getMessages().stream().anyMatch(m -> UNKNOWN_ROUTE.contains(m.getKey()));
        if (unknownRoute) {
            if (response.statusCode() < 400) {
                fail(describe(request, response) + " answers, but the OpenAPI document has no such route");
            }
            return;
        }
        if (report.hasErrors()) {
            fail(describe(request, response) + " breaks the OpenAPI document:\n"
                    + report.getMessages().stream()
                            .map(m -> "  - " + m.getKey() + ": " + m.getMessage())
                            .collect(Collectors.joining("\n")));
        }
    }

    /**
     * The routes the document describes: /api (but the reference page about it), and /ops on the app
     * port (through the proxy it is not served: its 404 there is the proxy's, not the API's).
     */
    private static boolean isApi(HttpRequest request) {
        String path = request.uri().getPath();
        if (path == null) {
            return false;
        }
        if (path.startsWith("/api/")) {
            return !path.startsWith("/api/docs/");
        }
        return (path.equals("/ops") || path.startsWith("/ops/")) && !throughTheProxy(request.uri());
    }

    private static boolean throughTheProxy(URI uri) {
        String authority = uri.getRawAuthority();
        return authority.equals(URI.create(Stack.PROXY).getRawAuthority())
                || authority.equals(URI.create(Stack.TLS).getRawAuthority());
    }

    private static Request.Method methodOf(HttpRequest request) {
        try {
            return Request.Method.valueOf(request.method());
        } catch (IllegalArgumentException e) {
            return Request.Method.TRACE;
        }
    }

    private static SimpleResponse simple(HttpResponse<String> response) {
        SimpleResponse.Builder simple = SimpleResponse.Builder.status(response.statusCode());
        response.headers().map().forEach(simple::withHeader);
        if (!response.body().isEmpty()) {
            simple.withBody(response.body());
        }
        return simple.build();
    }

    private static String describe(HttpRequest request, HttpResponse<String> response) {
        String body = response.body();
        return request.method() + " " + request.uri() + " -> " + response.statusCode() + " "
                + body.substring(0, Math.min(body.length(), 300));
    }

    /** The document as the server publishes it, read once. */
    private static final class Validator {
        static final OpenApiInteractionValidator INSTANCE = OpenApiInteractionValidator.createForInlineApiSpecification(
                        Stack.get(Stack.APP + "/openapi").body())
                .build();
    }
}
