package io.mensageria.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Tokens an attacker (or a clock) could present: signed with the real key but expired, or with another key. */
final class ForgedTokens {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private ForgedTokens() {}

    /** A token like the ones the application issues, for this user, valid from {@code issuedAt} until {@code expiresAt}. */
    static String token(PrivateKey key, String userId, Instant issuedAt, Instant expiresAt) {
        JsonObject claims = Json.createObjectBuilder()
                .add("iss", "mensageria")
                .add("aud", "mensageria-api")
                .add("sub", userId)
                .add("upn", userId)
                .add("groups", Json.createArrayBuilder().add("user"))
                .add("iat", issuedAt.getEpochSecond())
                .add("exp", expiresAt.getEpochSecond())
                .add("jti", UUID.randomUUID().toString())
                .build();
        String signingInput = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + encode(claims.toString());
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The application's own signing key, from the data folder of the stack under test. */
    static PrivateKey applicationKey(Path dataFolder) throws IOException, GeneralSecurityException {
        String base64 = Files.readString(dataFolder.resolve("secrets/jwt-private.pem"))
                .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    static PrivateKey someOtherKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPrivate();
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
