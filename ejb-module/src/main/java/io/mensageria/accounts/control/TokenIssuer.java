package io.mensageria.accounts.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues the RS256-signed JWTs that MicroProfile JWT verifies on every bearer route. Issuer and
 * audience are MicroProfile JWT's own verification settings, so what is issued is what is accepted.
 */
@ApplicationScoped
public class TokenIssuer {

    /** The group every signed-in user belongs to; the web module maps it to the role "user". */
    public static final String USER_GROUP = "user";

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    @Inject
    @ConfigProperty(name = "mensageria.jwt.private-key-file")
    String privateKeyFile;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences")
    String audience;

    @Inject
    @ConfigProperty(name = "mensageria.jwt.lifetime", defaultValue = "PT1H")
    Duration lifetime;

    private PrivateKey signingKey;

    public record IssuedToken(String token, Instant expiresAt) {}

    @PostConstruct
    void loadKey() {
        signingKey = readPkcs8Pem(Path.of(privateKeyFile));
    }

    public IssuedToken issue(UUID userId) {
        Instant now = Instant.now();
        Instant expiresAt = now.plus(lifetime);
        JsonObject claims = Json.createObjectBuilder()
                .add("iss", issuer)
                .add("aud", audience.split(",")[0].strip())
                .add("sub", userId.toString())
                .add("upn", userId.toString())
                .add("groups", Json.createArrayBuilder().add(USER_GROUP))
                .add("iat", now.getEpochSecond())
                .add("exp", expiresAt.getEpochSecond())
                .add("jti", UUID.randomUUID().toString())
                .build();
        return new IssuedToken(sign(claims), expiresAt);
    }

    private String sign(JsonObject claims) {
        String header = Json.createObjectBuilder()
                .add("alg", "RS256")
                .add("typ", "JWT")
                .build()
                .toString();
        String signingInput = base64url(header) + "." + base64url(claims.toString());
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(signingKey);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    private static String base64url(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static PrivateKey readPkcs8Pem(Path file) {
        try {
            String base64 = Files.readString(file)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the JWT signing key " + file, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Not a PKCS#8 PEM RSA private key: " + file, e);
        }
    }
}
