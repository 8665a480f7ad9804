package io.mensageria.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * Failed sign-ins of one subject (a client address, or an email tried from one address). After its free
 * attempts the next one must wait {@link #FIRST_WAIT}, and each further failure doubles the wait, up to
 * {@link #MAX_WAIT}: guessing passwords gets slow, a user who mistypes a few times does not notice.
 */
@Entity
@Table(name = "sign_in_failures", schema = "accounts")
public class SignInFailures {

    public static final Duration FIRST_WAIT = Duration.ofSeconds(5);
    public static final Duration MAX_WAIT = Duration.ofMinutes(15);

    @Id
    private String subject;

    @Column(nullable = false)
    private int failures;

    @Column(name = "last_failure_at", nullable = false)
    private OffsetDateTime lastFailureAt;

    protected SignInFailures() {
        // for JPA
    }

    public SignInFailures(String subject) {
        this.subject = Objects.requireNonNull(subject);
    }

    public void failedAt(OffsetDateTime at) {
        failures++;
        lastFailureAt = at;
    }

    /** An attempt counted as failed before its password was checked turned out right. */
    public void tookBack() {
        failures = Math.max(0, failures - 1);
    }

    /** How long the next attempt must still wait at this moment; zero when it may go ahead. */
    public Duration waitBefore(OffsetDateTime at, int freeAttempts) {
        if (failures < freeAttempts) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - freeAttempts, 20);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        if (wait.compareTo(MAX_WAIT) > 0) {
            wait = MAX_WAIT;
        }
        Duration remaining = Duration.between(at, lastFailureAt.plus(wait));
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignInFailures that && subject.equals(that.subject);
    }

    @Override
    public int hashCode() {
        return subject.hashCode();
    }
}
