package io.mensageria.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mensageria.accounts.control.SignInThrottle;
import io.mensageria.idempotency.boundary.IdempotencyKeys;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What is kept about clients is kept only as long as it serves: idempotency keys a day, sign-in failures an hour. */
@ExtendWith(ArquillianExtension.class)
class RetentionIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.mensageriaWith(RetentionIT.class);
    }

    @EJB
    IdempotencyKeys idempotencyKeys;

    @EJB
    SignInThrottle signInThrottle;

    @Resource(lookup = "jdbc/mensageria")
    DataSource database;

    @Test
    void idempotencyKeysAreForgottenAfterADayEvenIfTheyNeverComeBack() {
        String caller = "anonymous:retention-" + UUID.randomUUID();
        ServiceTables.write(database, """
                insert into platform.idempotency_keys (caller, key, fingerprint, created_at)
                values (?, 'old', repeat('0', 64), now() - interval '25 hours'),
                       (?, 'new', repeat('0', 64), now() - interval '23 hours')""", caller, caller);

        idempotencyKeys.forgetExpired();

        assertEquals(
                List.of(Map.of("key", "new")),
                ServiceTables.rows(database, "select key from platform.idempotency_keys where caller = ?", caller));
    }

    @Test
    void signInFailuresAreForgottenAnHourAfterTheLastOne() {
        String old = "email 192.0.2.1 old-" + UUID.randomUUID() + "@example.com";
        String recent = "email 192.0.2.1 recent-" + UUID.randomUUID() + "@example.com";
        ServiceTables.write(database, """
                insert into accounts.sign_in_failures (subject, failures, last_failure_at)
                values (?, 3, now() - interval '61 minutes'), (?, 3, now() - interval '59 minutes')""", old, recent);

        signInThrottle.forgetOld();

        assertEquals(
                List.of(Map.of("subject", recent)),
                ServiceTables.rows(
                        database,
                        "select subject from accounts.sign_in_failures where subject in (?, ?)",
                        old,
                        recent));
    }
}
