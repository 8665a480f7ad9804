package io.mensageria.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The running stack as a client sees it: the proxy for the public API, the app port for operators. */
final class Stack {

    static final String PROXY = System.getProperty("mensageria.proxy.url", "http://127.0.0.1:8080");
    static final String APP = System.getProperty("mensageria.app.url", "http://127.0.0.1:8081");
    static final String TLS = System.getProperty("mensageria.tls.url", "https://127.0.0.1:8443");
    static final String OPS_PASSWORD = System.getProperty("mensageria.ops.password", "");
    /** The data folder of the stack under test: its secrets, pid files and logs. */
    static final Path DATA = Path.of(System.getProperty("mensageria.data", "var"));

    private static final String DB_URL =
            System.getProperty("mensageria.db.url", "jdbc:postgresql://127.0.0.1:55432/mensageria");

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Stack() {}

    static HttpResponse<String> postJson(String url, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    static HttpResponse<String> get(String url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    static HttpResponse<String> postJsonAsOps(String url) {
        return postJson(url, "", "Authorization", basic("ops", OPS_PASSWORD));
    }

    static HttpResponse<String> getAsOps(String url) {
        return get(url, "Authorization", basic("ops", OPS_PASSWORD));
    }

    /**
     * The headers nginx adds to a request from this client address: with them a request sent straight
     * to the app port stands for one from another client, which is how tests tell clients apart.
     */
    static String[] viaProxyFrom(String clientAddress) {
        return new String[] {"X-Mensageria-Proxy", secret("proxy-secret"), "X-Forwarded-For", clientAddress};
    }

    /** The stack's database as the schema's owner, for what a test must see in the rows themselves. */
    static Connection database() throws SQLException {
        return database("mensageria_owner", secret("db-owner-password"));
    }

    static Connection database(String user, String password) throws SQLException {
        return DriverManager.getConnection(DB_URL, user, password);
    }

    /** How many lock requests wait in the database: on this table, or on anything when it is null. */
    static int locksWaiting(String table) throws SQLException {
        try (Connection database = database();
                PreparedStatement waiting = database.prepareStatement("select count(*) from pg_locks"
                        + " where not granted and (?::text is null or relation = ?::text::regclass)")) {
            waiting.setString(1, table);
            waiting.setString(2, table);
            try (ResultSet count = waiting.executeQuery()) {
                count.next();
                return count.getInt(1);
            }
        }
    }

    /** A secret the launcher generated into the stack's data folder. */
    static String secret(String name) {
        try {
            return Files.readString(DATA.resolve("secrets").resolve(name)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static JsonObject json(HttpResponse<String> response) {
        return (JsonObject) parse(response.body());
    }

    static JsonStructure parse(String body) {
        return Json.createReader(new StringReader(body)).read();
    }

    static String registration(String name, String email, String password) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("email", email)
                .add("password", password)
                .build()
                .toString();
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        return send(CLIENT, request);
    }

    /** Through nginx's HTTPS port, trusting the stack's own certificate (self-signed by `up` unless given). */
    static HttpResponse<String> overTls(HttpRequest.Builder request) {
        return send(
                HttpClient.newBuilder()
                        .sslContext(trusting(DATA.resolve("nginx/tls.crt")))
                        .connectTimeout(Duration.ofSeconds(5))
                        .build(),
                request);
    }

    /** Every answer from the API is checked against its OpenAPI document ({@link ApiContract}). */
    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder builder) {
        try {
            HttpRequest request = builder.timeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            ApiContract.check(request, response);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static SSLContext trusting(Path certificate) {
        try (InputStream pem = Files.newInputStream(certificate)) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry(
                    "mensageria", CertificateFactory.getInstance("X.509").generateCertificate(pem));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
