package io.mensageria.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Users registered and signed in through the proxy before a load step, as real clients would be. */
final class Users {

    record User(String id, String email, String password, String token) {}

    static final String PASSWORD = "a long enough bench secret";

    private Users() {}

    static List<User> create(HttpClient client, String proxy, int count) throws IOException, InterruptedException {
        List<User> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String email = "bench-" + UUID.randomUUID() + "@example.com";
            JsonObject registered = send(client, post(proxy + "/api/users", registration(email)), 201);
            JsonObject session = send(client, post(proxy + "/api/sessions", signIn(email)), 200);
            users.add(new User(registered.getString("id"), email, PASSWORD, session.getString("token")));
        }
        return users;
    }

    static String registration(String email) {
        return Json.createObjectBuilder()
                .add("name", "Bench User")
                .add("email", email)
                .add("password", PASSWORD)
                .build()
                .toString();
    }

    static String signIn(String email) {
        return Json.createObjectBuilder()
                .add("email", email)
                .add("password", PASSWORD)
                .build()
                .toString();
    }

    static HttpRequest.Builder post(String url, String json) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(OpenLoop.REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private static JsonObject send(HttpClient client, HttpRequest.Builder request, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(
                    "expected " + expected + ", got " + response.statusCode() + ": " + response.body());
        }
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
