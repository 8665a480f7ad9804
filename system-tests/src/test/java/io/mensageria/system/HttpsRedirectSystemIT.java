package io.mensageria.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Once the public URL is https (or nginx faces a network), plain HTTP only points the way to HTTPS:
 * nothing a client sent in clear reaches the app, and a client that follows the 308 repeats the same
 * request over HTTPS. On loopback alone, as in the rest of this suite, plain HTTP serves.
 */
class HttpsRedirectSystemIT {

    @AfterAll
    static void backToTheSuitesSettings() throws Exception {
        Faults.launcher(Map.of(), "up");
    }

    @Test
    void withAnHttpsPublicUrlPlainHttpIsRedirectedThereKeepingTheRequest() throws Exception {
        Faults.launcher(Map.of("MENSAGERIA_PUBLIC_URL", Stack.TLS), "up");

        HttpResponse<String> plain = Stack.get(Stack.PROXY + "/api/plans?page=1");
        assertEquals(308, plain.statusCode(), plain.body());
        assertEquals(
                Stack.TLS + "/api/plans?page=1",
                plain.headers().firstValue("Location").orElse(""));

        String email = "redirected-" + System.nanoTime() + "@example.com";
        HttpResponse<String> registration = Stack.postJson(
                Stack.PROXY + "/api/users", Stack.registration("Plain Text", email, "correct horse battery staple"));
        assertEquals(308, registration.statusCode(), "a POST is not served over plain HTTP either");
        assertTrue(
                Ops.event("UserRegistered", p -> p.getString("email").equals(email))
                        .isEmpty(),
                "the redirected registration reached nobody");

        // Followed as 308 asks (same method, same body), it registers, and links point at the public URL.
        HttpResponse<String> followed = Stack.overTls(HttpRequest.newBuilder(
                        URI.create(registration.headers().firstValue("Location").orElseThrow()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        Stack.registration("Plain Text", email, "correct horse battery staple"))));
        assertEquals(201, followed.statusCode(), followed.body());
        assertTrue(
                followed.headers().firstValue("Location").orElse("").startsWith(Stack.TLS + "/api/users/"),
                followed.headers().toString());
    }
}
