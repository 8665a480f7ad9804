package io.mensageria.inbound.boundary;

import io.mensageria.persistence.boundary.EventConsumerPairs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Failed delivery attempts, one row each. The broker cannot tell the true count (it resets
 * JMSXDeliveryCount on every delayed round) nor the real error (the dead-letter copy only says that
 * the redelivery policy was exhausted), so the platform keeps both itself.
 */
@Stateless
public class DeliveryFailures {

    /** The error column's width. */
    static final int MAX_ERROR_LENGTH = 2000;

    @PersistenceContext
    EntityManager em;

    /** Records a failed attempt in its own transaction, which survives the rollback of the delivery. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int record(String consumer, UUID eventId, String error) {
        int attempt = attempts(consumer, eventId) + 1;
        em.createNativeQuery("""
                        insert into platform.delivery_failures (consumer, event_id, attempt, error)
                        values (?, ?, ?, ?) on conflict do nothing""")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .setParameter(3, attempt)
                .setParameter(4, error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error)
                .executeUpdate();
        return attempt;
    }

    public int attempts(String consumer, UUID eventId) {
        return ((Number) em.createNativeQuery(
                                "select count(*) from platform.delivery_failures where consumer = ? and event_id = ?")
                        .setParameter(1, consumer)
                        .setParameter(2, eventId)
                        .getSingleResult())
                .intValue();
    }

    /** One failed attempt: its number (1 is the first delivery), when it failed, and why. */
    public record Failure(int attempt, Instant at, String error) {}

    /** Every failed attempt of one event at one consumer, in order. */
    public List<Failure> of(String consumer, UUID eventId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select attempt, failed_at, error from platform.delivery_failures
                        where consumer = ? and event_id = ? order by attempt""")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .getResultList();
        return rows.stream()
                .map(row ->
                        new Failure(((Number) row[0]).intValue(), ((Timestamp) row[1]).toInstant(), (String) row[2]))
                .toList();
    }

    /** The error of the latest failed attempt, or null when there was none. */
    public String lastError(String consumer, UUID eventId) {
        @SuppressWarnings("unchecked")
        Stream<Object> errors = em.createNativeQuery("""
                        select error from platform.delivery_failures where consumer = ? and event_id = ?
                        order by attempt desc limit 1""")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .getResultStream();
        return errors.map(String.class::cast).findFirst().orElse(null);
    }

    /** For each of these events, the consumers that failed it at least once. */
    public Map<UUID, Set<String>> failed(Collection<UUID> eventIds) {
        return EventConsumerPairs.of(
                em,
                "select distinct event_id, consumer from platform.delivery_failures where "
                        + EventConsumerPairs.EVENT_ID_IN,
                eventIds);
    }

    /** What went wrong, in one line: the innermost cause, past the container's wrapping exceptions. */
    public static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
