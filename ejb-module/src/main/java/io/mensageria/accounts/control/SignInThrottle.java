package io.mensageria.accounts.control;

import io.mensageria.accounts.entity.SignInFailures;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Slows down password guessing without letting anyone lock out anyone else. Failures count per email
 * tried from one client address, and per client address across emails (with more free attempts, for
 * people sharing an address): an attacker's guesses slow the attacker's address only, and the owner of
 * the account, signing in from elsewhere, never waits for them. Every attempt is counted as failed
 * before its password is checked, under a row lock, so that guesses sent in parallel are counted too;
 * a right password takes its count back.
 */
@Stateless
public class SignInThrottle {

    public static final int FREE_ATTEMPTS_PER_EMAIL = 5;
    public static final int FREE_ATTEMPTS_PER_ADDRESS = 30;
    /** Failures older than this are forgotten, and with them the emails that were tried. */
    public static final Duration MEMORY = Duration.ofHours(1);

    private static final Logger LOG = Logger.getLogger(SignInThrottle.class.getName());

    @Resource(lookup = "jdbc/mensageria")
    DataSource dataSource;

    @PersistenceContext
    EntityManager em;

    /**
     * Counts one attempt of this email from this address, or refuses it: the wait it must still keep
     * (zero when it was admitted). In its own transaction: the sign-in may roll back, its count must not.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Duration admit(String email, String address) {
        OffsetDateTime now = now();
        // Always the address first: two attempts lock the rows in one order and never deadlock.
        SignInFailures fromAddress = locked(addressSubject(address));
        SignInFailures forEmail = locked(emailSubject(email, address));
        Duration wait = longer(
                fromAddress.waitBefore(now, FREE_ATTEMPTS_PER_ADDRESS),
                forEmail.waitBefore(now, FREE_ATTEMPTS_PER_EMAIL));
        if (wait.isZero()) {
            fromAddress.failedAt(now);
            forEmail.failedAt(now);
        }
        return wait;
    }

    /** The admitted attempt had the right password: its email starts afresh, its address takes it back. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void succeeded(String email, String address) {
        SignInFailures fromAddress = locked(addressSubject(address));
        fromAddress.tookBack();
        em.remove(locked(emailSubject(email, address)));
    }

    /**
     * Failures older than {@link #MEMORY} are forgotten. Plain JDBC outside any transaction, and never
     * throws: a timer that fails twice in a row (the database is down) is cancelled by the container
     * for good. The next run forgets what this one could not.
     */
    @Schedule(hour = "*", minute = "*/5", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void forgetOld() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from accounts.sign_in_failures where last_failure_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(now().minus(MEMORY).toInstant()));
            delete.executeUpdate();
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Old sign-in failures not forgotten now", e);
        }
    }

    private SignInFailures locked(String subject) {
        em.createNativeQuery("""
                        insert into accounts.sign_in_failures (subject, failures, last_failure_at)
                        values (?, 0, now()) on conflict do nothing""").setParameter(1, subject).executeUpdate();
        return em.find(SignInFailures.class, subject, LockModeType.PESSIMISTIC_WRITE);
    }

    static String addressSubject(String address) {
        return "address " + address;
    }

    static String emailSubject(String email, String address) {
        return "email " + address + " " + email;
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
