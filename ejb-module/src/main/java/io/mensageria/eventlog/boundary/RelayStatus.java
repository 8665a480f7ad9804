package io.mensageria.eventlog.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/** How far behind the relay is: for the health check and the relay backlog metric. */
@Stateless
public class RelayStatus {

    @PersistenceContext
    EntityManager em;

    /** Events logged and not yet published. */
    public long backlog() {
        return em.createQuery("select count(e) from LoggedEvent e where e.publishedAt is null", Long.class)
                .getSingleResult();
    }

    public Optional<OffsetDateTime> oldestUnpublished() {
        return em.createQuery(
                        "select min(e.occurredAt) from LoggedEvent e where e.publishedAt is null", OffsetDateTime.class)
                .getResultStream()
                .filter(Objects::nonNull)
                .findFirst();
    }
}
