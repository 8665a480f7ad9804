package io.mensageria.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mensageria.accounts.boundary.Accounts;
import io.mensageria.accounts.control.PasswordHashing;
import io.mensageria.accounts.entity.User;
import io.mensageria.eventlog.boundary.ConsumerState;
import io.mensageria.eventlog.boundary.EventLogView;
import io.mensageria.eventlog.boundary.EventQuery;
import io.mensageria.eventlog.boundary.LoggedEventView;
import io.mensageria.problems.boundary.RequestRejected;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Registration across the container's boundaries: JPA, the event log, the relay, the broker and two MDBs. */
@ExtendWith(ArquillianExtension.class)
class UserRegistrationIT {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final String PASSWORD = "correct horse battery staple";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.mensageriaWith(UserRegistrationIT.class);
    }

    @EJB
    Accounts accounts;

    // The services' own tables, read for the assertions (ServiceTables).
    @Resource(lookup = "jdbc/mensageria")
    DataSource database;

    @EJB
    EventLogView eventLog;

    @Inject
    PasswordHashing passwords;

    @Test
    void aRegisteredUserIsLoggedAsUserRegisteredAndReachesBillingAndNotifications() {
        String email = uniqueEmail();
        User user = accounts.register("Ana Lima", email, PASSWORD);

        LoggedEventView event = Poll.until(
                DELIVERY,
                "both consumers to process UserRegistered",
                () -> userRegisteredFor(user.id())
                        .filter(e -> e.consumers().values().stream().allMatch(s -> s == ConsumerState.PROCESSED))
                        .orElse(null));

        assertEquals(
                Map.of("billing", ConsumerState.PROCESSED, "notifications", ConsumerState.PROCESSED),
                event.consumers());
        assertEquals("accounts", event.producer());
        assertNull(event.causationId(), "an event born from a request has no cause");
        assertTrue(event.publishedAt() != null, "the relay marks what it has published");
        assertFalse(event.payload().toString().contains(PASSWORD), "no credential travels in an event");
        assertFalse(event.payload().toString().contains(user.passwordHash()), "no credential travels in an event");

        assertEquals(
                1,
                ServiceTables.rows(database, "select 1 from billing.accounts where user_id = ?", user.id())
                        .size(),
                "billing opened an account");
        List<Map<String, Object>> sent = ServiceTables.rows(
                database, "select recipient, event_id from notifications.notifications where user_id = ?", user.id());
        assertEquals(1, sent.size());
        assertEquals(email, sent.get(0).get("recipient"));
        assertEquals(event.eventId(), sent.get(0).get("event_id"));
    }

    @Test
    void aSecondRegistrationOfTheSameEmailIsRejectedAndLogsNothing() {
        String email = uniqueEmail();
        User first = accounts.register("Ana Lima", email, PASSWORD);

        RequestRejected rejected = assertThrows(
                RequestRejected.class, () -> accounts.register("Someone Else", email.toUpperCase(), PASSWORD));

        assertEquals(RequestRejected.Reason.CONFLICT, rejected.reason());
        assertEquals(Set.of("email"), rejected.fieldErrors().keySet());
        List<LoggedEventView> events = eventLog.find(new EventQuery("UserRegistered", null, null, null, null, 1000));
        assertEquals(
                1,
                events.stream()
                        .filter(e -> e.payload().toString().contains(email))
                        .count());
        assertTrue(events.stream()
                .anyMatch(e -> e.payload().toString().contains(first.id().toString())));
    }

    @Test
    void passwordsAreKeptOnlyAsSaltedPbkdf2Hashes() {
        User one = accounts.register("One", uniqueEmail(), PASSWORD);
        User two = accounts.register("Two", uniqueEmail(), PASSWORD);

        assertTrue(one.passwordHash().startsWith("PBKDF2WithHmacSHA512:210000:"), one.passwordHash());
        assertFalse(one.passwordHash().contains(PASSWORD));
        assertNotEquals(one.passwordHash(), two.passwordHash(), "each hash has its own salt");
        assertTrue(passwords.matches(PASSWORD, one.passwordHash()));
        assertFalse(passwords.matches(PASSWORD + "!", one.passwordHash()));
    }

    private java.util.Optional<LoggedEventView> userRegisteredFor(UUID userId) {
        return eventLog.find(new EventQuery("UserRegistered", null, null, null, null, 1000)).stream()
                .filter(e -> e.payload().toString().contains(userId.toString()))
                .findFirst();
    }

    private static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }
}
