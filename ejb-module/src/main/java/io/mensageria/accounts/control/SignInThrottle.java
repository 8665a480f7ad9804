package io.mensageria.accounts.control;

import io.mensageria.accounts.entity.SignInFailures;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Counts failed sign-ins per email and says how long the next attempt must wait. */
@Stateless
public class SignInThrottle {

    @PersistenceContext
    EntityManager em;

    public Duration waitBefore(String email) {
        SignInFailures failures = em.find(SignInFailures.class, email);
        return failures == null ? Duration.ZERO : failures.waitBefore(now());
    }

    /** In its own transaction: the failed sign-in itself rolls back, its count must not. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(String email) {
        em.createNativeQuery("""
                        insert into accounts.sign_in_failures (email, failures, last_failure_at) values (?, 0, now())
                        on conflict do nothing""").setParameter(1, email).executeUpdate();
        em.find(SignInFailures.class, email, LockModeType.PESSIMISTIC_WRITE).failedAt(now());
    }

    public void succeeded(String email) {
        SignInFailures failures = em.find(SignInFailures.class, email);
        if (failures != null) {
            em.remove(failures);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
