package io.mensageria.idempotency.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The memory behind the Idempotency-Key header. The claim and the answer are written in the request's
 * own transaction, with its effects: they commit together or not at all, so a server that dies
 * mid-request leaves no claim behind, and the client's repeat runs as a first request. A concurrent
 * repeat waits on the claim's row until the first request ends, then replays its answer.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class IdempotencyKeys {

    /** How long a key is remembered. */
    static final String RETENTION = "24 hours";

    private static final Logger LOG = Logger.getLogger(IdempotencyKeys.class.getName());

    @Resource(lookup = "jdbc/mensageria")
    DataSource dataSource;

    @PersistenceContext
    EntityManager em;

    /** The first request's fingerprint and answer. */
    public record Stored(String fingerprint, Answer answer) {}

    public record Answer(int status, String contentType, String location, String body) {}

    /**
     * Claims the key for this request, in its transaction. Answers empty when the claim succeeded (go
     * ahead), else what is stored for the key: the caller replays it, or refuses a different request
     * under the same key. A claim still in progress is not seen: the insert waits until it commits or
     * rolls back.
     */
    public Optional<Stored> claim(String caller, String key, String fingerprint) {
        // A row without an answer is a claim left by a server that died before this version: claims now
        // commit with their answer, so it can never be one in progress.
        em.createNativeQuery("delete from platform.idempotency_keys where caller = ? and key = ?"
                        + " and (created_at < now() - interval '" + RETENTION + "' or status is null)")
                .setParameter(1, caller)
                .setParameter(2, key)
                .executeUpdate();
        int claimed = em.createNativeQuery("""
                        insert into platform.idempotency_keys (caller, key, fingerprint) values (?, ?, ?)
                        on conflict do nothing""")
                .setParameter(1, caller)
                .setParameter(2, key)
                .setParameter(3, fingerprint)
                .executeUpdate();
        if (claimed == 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select fingerprint, status, content_type, location, body from platform.idempotency_keys
                        where caller = ? and key = ?""")
                .setParameter(1, caller)
                .setParameter(2, key)
                .getResultList();
        Object[] row = rows.get(0);
        Answer answer = new Answer(((Number) row[1]).intValue(), (String) row[2], (String) row[3], (String) row[4]);
        return Optional.of(new Stored(((String) row[0]).strip(), answer));
    }

    /** The claimed request's answer, in its transaction. */
    public void complete(String caller, String key, Answer answer) {
        em.createNativeQuery("""
                        update platform.idempotency_keys set status = ?, content_type = ?, location = ?, body = ?
                        where caller = ? and key = ?""")
                .setParameter(1, answer.status())
                .setParameter(2, answer.contentType())
                .setParameter(3, answer.location())
                .setParameter(4, answer.body())
                .setParameter(5, caller)
                .setParameter(6, key)
                .executeUpdate();
    }

    /**
     * Keys older than their 24 hours are forgotten, whether or not they ever come back. Plain JDBC
     * outside any transaction, and never throws: a timer that fails twice in a row (the database is
     * down) is cancelled by the container for good. The next run forgets what this one could not.
     */
    @Schedule(hour = "*", minute = "*/10", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void forgetExpired() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from platform.idempotency_keys where created_at < now() - interval '" + RETENTION
                                + "'")) {
            delete.executeUpdate();
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Expired idempotency keys not forgotten now", e);
        }
    }

    /**
     * Remembers the answer of a request that was refused (4xx) and rolled back with its claim, in a
     * transaction of its own: a repeat is refused the same way.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void refused(String caller, String key, String fingerprint, Answer answer) {
        em.createNativeQuery("""
                        insert into platform.idempotency_keys
                            (caller, key, fingerprint, status, content_type, location, body)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .setParameter(1, caller)
                .setParameter(2, key)
                .setParameter(3, fingerprint)
                .setParameter(4, answer.status())
                .setParameter(5, answer.contentType())
                .setParameter(6, answer.location())
                .setParameter(7, answer.body())
                .executeUpdate();
    }
}
