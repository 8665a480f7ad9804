package io.mensageria.audit.boundary;

import io.mensageria.persistence.boundary.Where;
import io.mensageria.problems.boundary.RequestRejected;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The audit trail. {@link #record} joins the caller's transaction (an action rolled back leaves no
 * entry) and names the signed-in caller as who did it; {@link #recordAs} names the system's own part.
 */
@Stateless
public class AuditTrail {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    static final int MAX_DETAIL = 2000;

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext caller;

    /** One entry: when, who, which action, on what (for example {@code dead-letter:<id>}), and how. */
    public record Entry(long id, Instant at, String by, String action, String target, String detail) {}

    public record Page(List<Entry> entries, Long next) {}

    public void record(String action, String target, String detail) {
        recordAs(caller.getCallerPrincipal().getName(), action, target, detail);
    }

    /** An action the system took by itself (a kill switch): {@code by} names what did it. */
    public void recordAs(String by, String action, String target, String detail) {
        em.createNativeQuery("insert into platform.audit_entries (by, action, target, detail) values (?, ?, ?, ?)")
                .setParameter(1, by)
                .setParameter(2, action)
                .setParameter(3, target)
                .setParameter(
                        4, detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL))
                .executeUpdate();
    }

    /** Newest first; {@code next} is the {@code before} of the following page. */
    public Page entries(Long before, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw RequestRejected.invalid("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        List<Entry> entries = query(before == null ? "" : "where id < ?1", before, limit);
        return new Page(entries, Where.next(entries, limit, Entry::id));
    }

    /** What was done to one target, oldest first. */
    public List<Entry> of(String target) {
        List<Entry> newestFirst = new ArrayList<>(query("where target = ?1", target, MAX_LIMIT));
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    private List<Entry> query(String where, Object parameter, int limit) {
        var query = em.createNativeQuery("select id, at, by, action, target, detail from platform.audit_entries "
                + where + " order by id desc limit " + limit);
        if (!where.isEmpty()) {
            query.setParameter(1, parameter);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream()
                .map(row -> new Entry(
                        ((Number) row[0]).longValue(),
                        ((Timestamp) row[1]).toInstant(),
                        (String) row[2],
                        (String) row[3],
                        (String) row[4],
                        (String) row[5]))
                .toList();
    }
}
