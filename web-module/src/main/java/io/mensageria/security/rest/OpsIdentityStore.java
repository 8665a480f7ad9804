package io.mensageria.security.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one operator account, {@code ops}, whose password comes only from the environment
 * (MENSAGERIA_OPS_PASSWORD, set by the launcher). Without it nobody gets in. Other credentials (a
 * user's token) are not this store's to judge.
 */
@ApplicationScoped
public class OpsIdentityStore implements IdentityStore {

    static final String OPS = "ops";

    @Inject
    @ConfigProperty(name = "mensageria.ops.password")
    Optional<String> opsPassword;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        if (credential instanceof UsernamePasswordCredential login
                && OPS.equals(login.getCaller())
                && opsPassword
                        .filter(expected -> !expected.isBlank())
                        .map(expected -> sameSecret(expected, login.getPasswordAsString()))
                        .orElse(false)) {
            return new CredentialValidationResult(OPS, Set.of(OPS));
        }
        return CredentialValidationResult.INVALID_RESULT;
    }

    // Constant-time comparison: the time taken tells nothing about how much of a guess was right.
    private static boolean sameSecret(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
