package io.mensageria.accounts.boundary;

import io.mensageria.accounts.AccountsService;
import io.mensageria.accounts.control.PasswordHashing;
import io.mensageria.accounts.entity.User;
import io.mensageria.eventlog.boundary.EventLog;
import io.mensageria.events.UserRegistered;
import io.mensageria.persistence.boundary.UniqueViolation;
import io.mensageria.problems.boundary.RequestRejected;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

@Stateless
public class Accounts {

    private static final Logger LOG = Logger.getLogger(Accounts.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashing passwords;

    @Inject
    EventLog eventLog;

    /** Registers a user and logs UserRegistered in the same transaction. Input is validated at the edge. */
    public User register(String name, String email, String password) {
        String normalizedEmail = normalize(email);
        if (emailTaken(normalizedEmail)) {
            throw RequestRejected.conflict("email", "This email is already registered");
        }
        User user = new User(
                UUID.randomUUID(),
                name.strip(),
                normalizedEmail,
                passwords.hash(password),
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
        em.persist(user);
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (!UniqueViolation.causes(e)) {
                throw e;
            }
            // Two registrations of one email raced past the check above; the unique index decided.
            throw RequestRejected.conflict("email", "This email is already registered");
        }
        eventLog.append(AccountsService.NAME, new UserRegistered(user.id(), user.name(), user.email()));
        LOG.info(() -> "Registered user " + user.id());
        return user;
    }

    /** Emails are compared and stored lower-cased, without surrounding blanks. */
    static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public Optional<User> find(UUID id) {
        return Optional.ofNullable(em.find(User.class, id));
    }

    private boolean emailTaken(String normalizedEmail) {
        return !em.createQuery("select u.id from User u where u.email = :email", UUID.class)
                .setParameter("email", normalizedEmail)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }
}
