package io.mensageria.accounts.boundary;

import io.mensageria.accounts.control.PasswordHashing;
import io.mensageria.accounts.control.SignInThrottle;
import io.mensageria.accounts.control.TokenIssuer;
import io.mensageria.accounts.control.TokenIssuer.IssuedToken;
import io.mensageria.accounts.entity.User;
import io.mensageria.problems.boundary.RequestRejected;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/** Sign-in: email and password for a signed token. */
@Stateless
public class Sessions {

    private static final Logger LOG = Logger.getLogger(Sessions.class.getName());
    static final String REFUSED = "Unknown email or wrong password";

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashing passwords;

    @Inject
    TokenIssuer tokens;

    @EJB
    SignInThrottle throttle;

    public record Session(UUID userId, String token, Instant expiresAt) {}

    /**
     * An unknown email and a wrong password are refused alike, and cost the same hash computation,
     * so that neither the answer nor its timing tells whether an email is registered. The client's
     * address scopes the throttle ({@link SignInThrottle}).
     */
    public Session signIn(String email, String password, String clientAddress) {
        String normalizedEmail = Accounts.normalize(email);
        Duration wait = throttle.admit(normalizedEmail, clientAddress);
        if (!wait.isZero()) {
            throw RequestRejected.throttled("Too many failed sign-ins from this address; retry later", wait);
        }
        Optional<User> user = em.createQuery("select u from User u where u.email = :email", User.class)
                .setParameter("email", normalizedEmail)
                .getResultStream()
                .findFirst();
        boolean matches =
                passwords.matches(password, user.map(User::passwordHash).orElse(passwords.decoyHash()));
        if (user.isEmpty() || !matches) {
            LOG.info("Sign-in refused");
            throw RequestRejected.unauthenticated(REFUSED);
        }
        throttle.succeeded(normalizedEmail, clientAddress);
        IssuedToken token = tokens.issue(user.get().id());
        LOG.info(() -> "User " + user.get().id() + " signed in");
        return new Session(user.get().id(), token.token(), token.expiresAt());
    }
}
