package io.mensageria.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.UUID;

/** A user registered through the proxy, with a password of its own, and what it can do signed in. */
record Account(String id, String email, String password) {

    static Account register(String name) {
        String email = "user-" + UUID.randomUUID() + "@example.com";
        String password = "pw-" + UUID.randomUUID();
        HttpResponse<String> response =
                Stack.postJson(Stack.PROXY + "/api/users", Stack.registration(name, email, password));
        assertEquals(201, response.statusCode(), response.body());
        return new Account(Stack.json(response).getString("id"), email, password);
    }

    static String signInBody(String email, String password) {
        return Json.createObjectBuilder()
                .add("email", email)
                .add("password", password)
                .build()
                .toString();
    }

    String credentials() {
        return signInBody(email, password);
    }

    String signIn() {
        HttpResponse<String> response = Stack.postJson(Stack.PROXY + "/api/sessions", credentials());
        assertEquals(200, response.statusCode(), response.body());
        return Stack.json(response).getString("token");
    }

    HttpResponse<String> addCard(String token, String number, int month, int year) {
        String body = Json.createObjectBuilder()
                .add("number", number)
                .add("holder", "Card Holder")
                .add("expiryMonth", month)
                .add("expiryYear", year)
                .build()
                .toString();
        return Stack.postJson(Stack.PROXY + "/api/users/" + id + "/cards", body, "Authorization", "Bearer " + token);
    }

    HttpResponse<String> subscribe(String token, String planId) {
        return Stack.postJson(
                Stack.PROXY + "/api/subscriptions",
                Json.createObjectBuilder().add("planId", planId).build().toString(),
                "Authorization",
                "Bearer " + token);
    }

    JsonObject subscription(String token, String subscriptionId) {
        HttpResponse<String> response =
                Stack.get(Stack.PROXY + "/api/subscriptions/" + subscriptionId, "Authorization", "Bearer " + token);
        assertEquals(200, response.statusCode(), response.body());
        return Stack.json(response);
    }
}
