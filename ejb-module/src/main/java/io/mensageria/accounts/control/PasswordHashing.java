package io.mensageria.accounts.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Passwords are kept only as a salted PBKDF2 hash (a fresh random salt per hash, encoded in the result).
 * Parameters follow OWASP's password storage guidance for PBKDF2-HMAC-SHA512. Registrations and
 * sign-ins share one slot per core, and wait a second at most for one.
 */
@ApplicationScoped
public class PasswordHashing {

    private static final Duration LONGEST_WAIT = Duration.ofSeconds(1);

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    private final HashingSlots slots = new HashingSlots(Runtime.getRuntime().availableProcessors(), LONGEST_WAIT);

    private String decoyHash;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        decoyHash = hash(UUID.randomUUID().toString());
    }

    /** A hash no password matches, to check against when there is no user: same work, same time. */
    public String decoyHash() {
        return decoyHash;
    }

    public String hash(String password) {
        return slots.run(() -> pbkdf2.generate(password.toCharArray()));
    }

    public boolean matches(String password, String hash) {
        return slots.run(() -> pbkdf2.verify(password.toCharArray(), hash));
    }
}
