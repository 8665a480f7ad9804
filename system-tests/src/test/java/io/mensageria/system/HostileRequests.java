package io.mensageria.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Requests generated from the public and ops contract, each carrying at least one defect that the
 * contract refuses, so that every one must be answered 4xx: the bodies of every route with each field
 * broken in every way (each control character, half a surrogate pair, too long, blank, wrong JSON type,
 * out of range), truncated and malformed JSON, odd methods and content types, path tricks, forged and
 * missing credentials, an oversized header, control characters and broken UTF-8 in query parameters,
 * control characters and text outside ASCII in header values (through the proxy: straight to the app
 * port, Payara's HTTP layer refuses them with an empty 400, README, "The hostile-input suite"). A
 * seeded {@link Random} picks the truncation points and the long texts, so a run can be repeated
 * exactly.
 */
final class HostileRequests {

    /** One generated request: what kind of defect it carries, and where it goes (proxy or app port). */
    record Case(String kind, String base, RawHttp.Request request) {}

    /** A route that takes a JSON body: its path, credentials, and a valid body (never sent as it is). */
    private record BodyRoute(String base, String path, Map<String, String> headers, JsonObject valid) {}

    private static final String JSON = "application/json";
    private static final List<String> CONTROL_CHARACTERS = controlCharacters();
    private static final List<String> BROKEN_TEXT = List.of("\uD800", "a\uDC00b", "\uDE00\uD83D");

    private final Random random;
    private final List<Case> cases = new ArrayList<>();
    private final String userId;
    private final String bearer;
    private final String ops;

    HostileRequests(long seed, String userId, String token, String opsPassword) {
        this.random = new Random(seed);
        this.userId = userId;
        this.bearer = "Bearer " + token;
        this.ops = Stack.basic("ops", opsPassword);
    }

    List<Case> all() {
        for (String base : List.of(Stack.PROXY, Stack.APP)) {
            for (BodyRoute route : publicBodyRoutes(base)) {
                brokenFields(route);
                brokenJson(route);
                wrongContentTypes(route);
            }
            oddMethods(base);
            forgedCredentials(base);
            brokenQueries(base);
            brokenHeaders(base);
            unreadableHeaderValues(base);
        }
        BodyRoute replay = new BodyRoute(
                Stack.APP,
                "/ops/replay",
                Map.of("Authorization", ops),
                Json.createObjectBuilder()
                        .add("consumer", "notifications")
                        .add("eventType", "UserRegistered")
                        .build());
        brokenFields(replay);
        brokenJson(replay);
        pathTricks();
        opsWithoutCredentials();
        return cases;
    }

    private List<BodyRoute> publicBodyRoutes(String base) {
        Map<String, String> signedIn = Map.of("Authorization", bearer);
        return List.of(
                new BodyRoute(
                        base,
                        "/api/users",
                        Map.of(),
                        Json.createObjectBuilder()
                                .add("name", "Ana Lima")
                                .add("email", "hostile@example.com")
                                .add("password", "a long enough secret")
                                .build()),
                new BodyRoute(
                        base,
                        "/api/sessions",
                        Map.of(),
                        Json.createObjectBuilder()
                                .add("email", "hostile@example.com")
                                .add("password", "a long enough secret")
                                .build()),
                new BodyRoute(
                        base,
                        "/api/users/" + userId + "/cards",
                        signedIn,
                        Json.createObjectBuilder()
                                .add("number", "4111111111111111")
                                .add("holder", "Ana Lima")
                                .add("expiryMonth", 12)
                                .add("expiryYear", 2040)
                                .build()),
                new BodyRoute(
                        base,
                        "/api/subscriptions",
                        signedIn,
                        Json.createObjectBuilder().add("planId", "basic").build()));
    }

    /** Every field of the body broken, one at a time, in every way its type allows. */
    private void brokenFields(BodyRoute route) {
        for (Map.Entry<String, JsonValue> field : route.valid().entrySet()) {
            String name = field.getKey();
            List<JsonValue> broken =
                    new ArrayList<>(List.of(JsonValue.NULL, JsonValue.EMPTY_JSON_ARRAY, JsonValue.EMPTY_JSON_OBJECT));
            if (field.getValue().getValueType() == JsonValue.ValueType.STRING) {
                String valid = route.valid().getString(name);
                CONTROL_CHARACTERS.forEach(c -> broken.add(Json.createValue(valid + c)));
                BROKEN_TEXT.forEach(t -> broken.add(Json.createValue(valid + t)));
                broken.add(Json.createValue(""));
                broken.add(Json.createValue("   "));
                broken.add(Json.createValue(123));
                broken.add(JsonValue.TRUE);
                broken.add(Json.createValue(longText(200 + random.nextInt(50_000))));
            } else {
                for (String number : List.of("13", "0", "-1", "2147483648", "-99999999999999999999", "1e400")) {
                    broken.add(Json.createValue(new BigDecimal(number)));
                }
                broken.add(Json.createValue("twelve"));
                broken.add(Json.createValue("12"));
                broken.add(Json.createValue(new BigDecimal("12.5")));
                broken.add(JsonValue.TRUE);
            }
            for (JsonValue value : broken) {
                JsonObjectBuilder body = Json.createObjectBuilder(route.valid()).add(name, value);
                if (value == JsonValue.NULL && random.nextBoolean()) {
                    body.remove(name);
                }
                add("field " + name, route, JSON, body.build().toString());
            }
        }
    }

    /** The valid body cut short at random points, and bodies that are not the JSON of any route. */
    private void brokenJson(BodyRoute route) {
        String valid = route.valid().toString();
        for (int i = 0; i < 12; i++) {
            add("truncated JSON", route, JSON, valid.substring(0, 1 + random.nextInt(valid.length() - 1)));
        }
        List<String> malformed = List.of(
                "",
                "null",
                "[]",
                "123",
                "\"text\"",
                "{",
                "}",
                "{\"a\"",
                "{'name':'x'}",
                "NaN",
                "{,}",
                valid.replace("\"", "'"),
                valid.replace(":", "="),
                valid + valid,
                "[" + valid + "]",
                "{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}",
                "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000),
                "\uFEFF\uFEFF" + valid.substring(1));
        malformed.forEach(body -> add("malformed JSON", route, JSON, body));
        byte[] notUtf8 = new byte[64];
        random.nextBytes(notUtf8);
        cases.add(new Case("malformed JSON", route.base(), post(route, JSON, notUtf8)));
    }

    /** Each route's body made invalid the other way round: a JSON body declared as something else. */
    private void wrongContentTypes(BodyRoute route) {
        String body = route.valid().toString();
        for (String type : List.of(
                "text/plain",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "image/png",
                "*/*",
                "garbage")) {
            add("content type", route, type, body);
        }
        cases.add(new Case("content type", route.base(), post(route, null, bytes(body))));
    }

    private void oddMethods(String base) {
        for (String path :
                List.of("/api/users", "/api/sessions", "/api/plans", "/api/subscriptions", "/api/users/" + userId)) {
            for (String method : List.of("PUT", "DELETE", "PATCH", "PROPFIND", "FOO", "G\u0001T")) {
                cases.add(new Case(
                        "method",
                        base,
                        new RawHttp.Request(method, path, Map.of("Authorization", bearer), new byte[0])));
            }
        }
    }

    /** Bearer routes without a token, with a forged one, with someone else's Basic credentials. */
    private void forgedCredentials(String base) {
        List<String> authorizations = List.of(
                "",
                "Bearer",
                "Bearer ",
                "Bearer x",
                "Bearer a.b.c",
                "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
                "Basic " + "x".repeat(20),
                ops,
                bearer.substring(0, bearer.length() - 4) + "AAAA");
        for (String authorization : authorizations) {
            Map<String, String> headers = authorization.isEmpty() ? Map.of() : Map.of("Authorization", authorization);
            for (String path : List.of("/api/users/" + userId, "/api/subscriptions")) {
                cases.add(new Case("credentials", base, new RawHttp.Request("GET", path, headers, new byte[0])));
            }
        }
        // Past the header limit: nginx answers 431 (the app port's own container answers an empty 400).
        if (base.equals(Stack.PROXY)) {
            cases.add(new Case(
                    "credentials",
                    base,
                    new RawHttp.Request(
                            "GET",
                            "/api/subscriptions",
                            Map.of("Authorization", "Bearer " + "a".repeat(10_000)),
                            new byte[0])));
        }
        String someoneElse = "/api/users/00000000-0000-0000-0000-000000000001";
        cases.add(new Case(
                "credentials",
                base,
                new RawHttp.Request("GET", someoneElse, Map.of("Authorization", bearer), new byte[0])));
    }

    private void brokenQueries(String base) {
        for (String c : CONTROL_CHARACTERS) {
            String encoded = URLEncoder.encode(c, StandardCharsets.UTF_8);
            cases.add(new Case("query", base, get("/api/plans?x=a" + encoded)));
            cases.add(new Case("query", base, get("/api/plans?a" + encoded + "=x")));
        }
        for (String notUtf8 : List.of("%C0%AE", "%80", "%ED%A0%80", "%F8%88%80%80%80")) {
            cases.add(new Case("query", base, get("/api/plans?x=" + notUtf8)));
        }
    }

    /**
     * Header values the proxy refuses: each control character but tab (which HTTP allows) and line feed
     * (which ends the value: nginx drops the rest as a broken header line), and text outside ASCII. Not
     * straight to the app port, whose HTTP layer answers them with an empty 400 (README).
     */
    private void unreadableHeaderValues(String base) {
        if (!base.equals(Stack.PROXY)) {
            return;
        }
        List<String> values = new ArrayList<>();
        for (char c = 0; c < 0x80; c++) {
            if (Character.isISOControl(c) && c != '\t' && c != '\n') {
                values.add("a" + c + "b");
            }
        }
        values.addAll(List.of("Jos\u00e9", "a\u0085b", "\uD83D\uDE00"));
        for (String value : values) {
            cases.add(new Case(
                    "header value",
                    base,
                    new RawHttp.Request("GET", "/api/plans", Map.of("X-Hostile", value), new byte[0])));
        }
    }

    /** An oversized value in a header the application stores. */
    private void brokenHeaders(String base) {
        cases.add(new Case(
                "header Idempotency-Key",
                base,
                new RawHttp.Request(
                        "POST",
                        "/api/subscriptions",
                        Map.of("Authorization", bearer, "Content-Type", JSON, "Idempotency-Key", longText(5_000)),
                        bytes("{\"planId\":\"no-such-plan\"}"))));
    }

    /** Through the proxy, only /api/* exists: every way around that is 4xx. */
    private void pathTricks() {
        for (String path : List.of(
                "/api/../ops/events",
                "/api/%2e%2e/ops/events",
                "/api/users/..%2f..%2fops%2fevents",
                "//ops/events",
                "/ops/events",
                "/health",
                "/metrics",
                "/openapi",
                "/api/users/%00",
                // Percent-encoding that is not UTF-8: refused by the proxy (Payara would answer an empty 400).
                "/api/plans%C0%AE",
                "/api/users/%80/cards",
                "/api/users/not-a-uuid",
                "/api/users/" + "a".repeat(7_000),
                "/api/subscriptions/';drop%20table%20users--",
                "/api/us%C3%A9rs",
                "/api/users;jsessionid=x",
                "/api/users/%ZZ",
                "/api/plans/..;/..;/ops/events",
                "/API/plans",
                "/api/plans%00.json",
                "/api/users/%E2%80%AE")) {
            cases.add(new Case("path", Stack.PROXY, get(path)));
        }
    }

    private void opsWithoutCredentials() {
        for (String authorization : List.of(
                "", Stack.basic("ops", "wrong"), Stack.basic("admin", "admin"), bearer, "Basic " + "QQ".repeat(50))) {
            Map<String, String> headers = authorization.isEmpty() ? Map.of() : Map.of("Authorization", authorization);
            for (String path :
                    List.of("/ops/events", "/ops/dead-letters", "/ops/traces/0123456789abcdef0123456789abcdef")) {
                cases.add(
                        new Case("ops credentials", Stack.APP, new RawHttp.Request("GET", path, headers, new byte[0])));
            }
        }
        for (String query : List.of(
                "limit=-1",
                "limit=abc",
                "limit=99999999999",
                "limit=1e3",
                "since=yesterday",
                "until=%00",
                "traceId=xyz",
                "before=x")) {
            cases.add(new Case(
                    "ops query",
                    Stack.APP,
                    new RawHttp.Request("GET", "/ops/events?" + query, Map.of("Authorization", ops), new byte[0])));
        }
    }

    private void add(String kind, BodyRoute route, String contentType, String body) {
        cases.add(new Case(kind, route.base(), post(route, contentType, bytes(escapeSurrogates(body)))));
    }

    /** Half a surrogate pair cannot be written as UTF-8: in JSON it travels as an escape. */
    private static String escapeSurrogates(String json) {
        StringBuilder escaped = new StringBuilder(json.length());
        json.chars()
                .forEach(c -> escaped.append(
                        Character.isSurrogate((char) c) ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return escaped.toString();
    }

    private static RawHttp.Request post(BodyRoute route, String contentType, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>(route.headers());
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return new RawHttp.Request("POST", route.path(), headers, body);
    }

    private static RawHttp.Request get(String target) {
        return new RawHttp.Request("GET", target, Map.of(), new byte[0]);
    }

    private String longText(int length) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Unicode category Cc: C0, DEL and C1. */
    private static List<String> controlCharacters() {
        List<String> all = new ArrayList<>();
        for (char c = 0; c < 0xA0; c++) {
            if (Character.isISOControl(c)) {
                all.add(String.valueOf(c));
            }
        }
        return all;
    }
}
