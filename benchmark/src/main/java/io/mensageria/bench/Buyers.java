package io.mensageria.bench;

import jakarta.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Users for the purchase workload, one per purchase: far more than PBKDF2 registers in a run (the
 * registration and sign-in ladders measure that), so they are made here without a password hash. Each
 * gets the rows registration leaves behind (the account, billing's account, notifications' recipient),
 * written directly, and a token signed with the stack's own key, as sign-in would issue it.
 */
final class Buyers {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    // No password hash verifies against this: nobody can sign in as a buyer.
    private static final String SEED = """
            with users as (
                insert into accounts.users (id, name, email, password_hash, registered_at)
                select gen_random_uuid(), 'Bench Buyer', 'bench-buyer-' || gen_random_uuid() || '@example.com',
                       'none: seeded by the benchmark', now()
                from generate_series(1, ?) returning id, name, email, registered_at),
            billing as (
                insert into billing.accounts (user_id, name, opened_at) select id, name, registered_at from users),
            recipients as (
                insert into notifications.recipients (user_id, name, email) select id, name, email from users)
            select id, email from users""";

    private Buyers() {}

    static List<Users.User> seed(Connection database, Path jwtPrivateKey, long count) throws SQLException, IOException {
        PrivateKey key = readPkcs8Pem(jwtPrivateKey);
        List<Users.User> buyers = new ArrayList<>();
        try (PreparedStatement seed = database.prepareStatement(SEED)) {
            seed.setLong(1, count);
            try (ResultSet rows = seed.executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    buyers.add(new Users.User(id, rows.getString(2), null, token(key, id)));
                }
            }
        }
        return buyers;
    }

    /** What the application's TokenIssuer signs for a user: its issuer, audience and group, an hour long. */
    static String token(PrivateKey key, String userId) {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = Json.createObjectBuilder()
                .add("iss", "mensageria")
                .add("aud", "mensageria-api")
                .add("sub", userId)
                .add("upn", userId)
                .add("groups", Json.createArrayBuilder().add("user"))
                .add("iat", now)
                .add("exp", now + 3600)
                .add("jti", UUID.randomUUID().toString())
                .build()
                .toString();
        String signingInput = base64url(header) + "." + base64url(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    private static String base64url(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static PrivateKey readPkcs8Pem(Path file) throws IOException {
        String base64 = Files.readString(file)
                .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Not a PKCS#8 PEM RSA private key: " + file, e);
        }
    }
}
