package io.mensageria.instances.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The instances' registry: each writes its heartbeat here, and anyone lists who is running. */
@Stateless
public class Instances {

    /** How often each instance writes its row. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(5);
    /** Silent for longer than this (three heartbeats missed), an instance is taken for down. */
    static final Duration SILENT = HEARTBEAT.multipliedBy(3);
    /** Silent for longer than this, an instance is no longer listed (it was stopped, or renamed). */
    static final Duration FORGOTTEN = Duration.ofMinutes(10);

    @PersistenceContext
    EntityManager em;

    /** One instance as the others see it; health is UP, DOWN (its own checks failed) or SILENT. */
    public record Instance(String name, String httpAddress, Instant startedAt, Instant seenAt, String health) {}

    /** This instance is alive and found itself healthy (or not); a restart under the same name replaces its row. */
    public void heartbeat(boolean healthy) {
        em.createNativeQuery("""
                        insert into platform.instances (name, http_address, started_at, seen_at, health)
                        values (?, ?, ?, now(), ?)
                        on conflict (name) do update set http_address = excluded.http_address,
                            started_at = excluded.started_at, seen_at = excluded.seen_at, health = excluded.health""")
                .setParameter(1, ThisInstance.name())
                .setParameter(2, ThisInstance.httpAddress().orElse(null))
                .setParameter(3, OffsetDateTime.ofInstant(ThisInstance.startedAt(), ZoneOffset.UTC))
                .setParameter(4, healthy ? "UP" : "DOWN")
                .executeUpdate();
        em.createNativeQuery("delete from platform.instances where seen_at < now() - cast(? as interval)")
                .setParameter(1, FORGOTTEN.toSeconds() + " seconds")
                .executeUpdate();
    }

    /** This instance stops: it is no longer listed (one that crashes is listed SILENT for ten minutes). */
    public void leave() {
        em.createNativeQuery("delete from platform.instances where name = ?")
                .setParameter(1, ThisInstance.name())
                .executeUpdate();
    }

    /** Every instance heard from in the last ten minutes, by name. */
    public List<Instance> running() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select name, http_address, started_at, seen_at, health,
                            seen_at < now() - cast(? as interval) as silent
                        from platform.instances order by name""")
                .setParameter(1, SILENT.toSeconds() + " seconds")
                .getResultList();
        return rows.stream()
                .map(row -> new Instance(
                        (String) row[0],
                        (String) row[1],
                        instant(row[2]),
                        instant(row[3]),
                        (Boolean) row[5] ? "SILENT" : (String) row[4]))
                .toList();
    }

    private static Instant instant(Object timestamp) {
        return ((Timestamp) timestamp).toInstant();
    }
}
