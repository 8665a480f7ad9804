package io.mensageria.idempotency.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How a repeated request is recognised without being stored: HMAC-SHA256 of its method, path and body
 * under a secret key. Bodies hold passwords and card numbers, and an unkeyed hash of a short secret can
 * be reversed by trying them all.
 */
@ApplicationScoped
public class RequestFingerprints {

    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] PROCESS_KEY = randomKey();

    @Inject
    @ConfigProperty(name = "mensageria.fingerprint.secret")
    Optional<String> secret;

    public String of(String method, String path, byte[] body) {
        try {
            Mac hmac = Mac.getInstance(ALGORITHM);
            hmac.init(key());
            hmac.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hmac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The launcher's generated secret. Without one, a key of this process: repeats still match until
     * the server restarts, after which a repeated key is refused (422) rather than replayed.
     */
    private SecretKeySpec key() {
        byte[] key = secret.filter(value -> !value.isBlank())
                .map(value -> value.getBytes(StandardCharsets.UTF_8))
                .orElse(PROCESS_KEY);
        return new SecretKeySpec(key, ALGORITHM);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
