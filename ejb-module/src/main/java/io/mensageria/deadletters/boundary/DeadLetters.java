package io.mensageria.deadletters.boundary;

import io.mensageria.deadletters.entity.DeadLetter;
import io.mensageria.messaging.boundary.JmsEventSender;
import io.mensageria.persistence.boundary.Where;
import io.mensageria.problems.boundary.RequestRejected;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Logger;

/** The operators' dead-letter console: look, retry (re-send to the consumer's queue as it was), or discard. */
@Stateless
public class DeadLetters {

    static final int MAX_LISTED = 1000;
    private static final Logger LOG = Logger.getLogger(DeadLetters.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    JmsEventSender sender;

    /** A group: the dead letters of one consumer and event type that failed for the same reason. */
    public record Group(
            UUID groupId,
            String consumer,
            String eventType,
            String cause,
            long count,
            OffsetDateTime first,
            OffsetDateTime last) {}

    /** @param state a {@link DeadLetter.State} name, "all", or null for pending ones */
    public List<DeadLetterView> find(String consumer, String eventType, String state) {
        return letters(consumer, eventType, state).stream()
                .map(DeadLetterView::of)
                .toList();
    }

    public List<Group> groups() {
        Map<UUID, Group> groups = new LinkedHashMap<>();
        for (DeadLetter letter : letters(null, null, null)) {
            groups.merge(
                    letter.groupId(),
                    new Group(
                            letter.groupId(),
                            letter.consumer(),
                            letter.eventType(),
                            letter.cause(),
                            1,
                            letter.deadLetteredAt(),
                            letter.deadLetteredAt()),
                    (a, b) -> new Group(
                            a.groupId(),
                            a.consumer(),
                            a.eventType(),
                            a.cause(),
                            a.count() + b.count(),
                            min(a.first(), b.first()),
                            max(a.last(), b.last())));
        }
        return List.copyOf(groups.values());
    }

    /** For each of these events, the consumers for which it waits as a dead letter. */
    public Map<UUID, Set<String>> pending(Collection<UUID> eventIds) {
        Map<UUID, Set<String>> pending = new HashMap<>();
        if (!eventIds.isEmpty()) {
            em.createQuery("select d from DeadLetter d where d.state = :state and d.eventId in :ids", DeadLetter.class)
                    .setParameter("state", DeadLetter.State.PENDING)
                    .setParameter("ids", eventIds)
                    .getResultStream()
                    .forEach(d -> pending.computeIfAbsent(d.eventId(), id -> new TreeSet<>())
                            .add(d.consumer()));
        }
        return pending;
    }

    /** Dead letters of one consumer waiting for an operator. */
    public long pendingCount(String consumer) {
        return em.createQuery(
                        "select count(d) from DeadLetter d where d.state = :state and d.consumer = :consumer",
                        Long.class)
                .setParameter("state", DeadLetter.State.PENDING)
                .setParameter("consumer", consumer)
                .getSingleResult();
    }

    /** Re-sends a pending dead letter to its consumer's queue, same event id and properties, and marks it RETRIED. */
    public void retry(UUID id) {
        DeadLetter letter = pending(id);
        Map<String, String> properties = new LinkedHashMap<>();
        JsonObject stored =
                Json.createReader(new StringReader(letter.properties())).readObject();
        stored.forEach((name, value) -> {
            if (!name.startsWith("dlq") && !name.startsWith("scheduled") && !name.equals("redeliveryDelay")) {
                properties.put(name, ((JsonString) value).getString());
            }
        });
        sender.sendToQueue(letter.queue(), letter.payload(), properties);
        letter.retried();
        LOG.info(() -> "Dead letter " + id + " retried on " + letter.queue());
    }

    public void discard(UUID id) {
        pending(id).discarded();
        LOG.info(() -> "Dead letter " + id + " discarded");
    }

    /** Applies an action to every pending dead letter of a group; answers how many there were. */
    public int retryGroup(UUID groupId) {
        List<DeadLetter> members = group(groupId);
        members.forEach(letter -> retry(letter.id()));
        return members.size();
    }

    public int discardGroup(UUID groupId) {
        List<DeadLetter> members = group(groupId);
        members.forEach(DeadLetter::discarded);
        return members.size();
    }

    private List<DeadLetter> group(UUID groupId) {
        List<DeadLetter> members = letters(null, null, null).stream()
                .filter(d -> d.groupId().equals(groupId))
                .toList();
        if (members.isEmpty()) {
            throw RequestRejected.notFound("No pending dead letters in group " + groupId);
        }
        return members;
    }

    private List<DeadLetter> letters(String consumer, String eventType, String state) {
        return new Where()
                .and("d.consumer = :consumer", "consumer", consumer)
                .and("d.eventType = :eventType", "eventType", eventType)
                .and("d.state = :state", "state", "all".equalsIgnoreCase(state) ? null : parseState(state))
                .query(em, "select d from DeadLetter d", "order by d.deadLetteredAt desc", DeadLetter.class)
                .setMaxResults(MAX_LISTED)
                .getResultList();
    }

    private DeadLetter pending(UUID id) {
        DeadLetter letter = em.find(DeadLetter.class, id);
        if (letter == null) {
            throw RequestRejected.notFound("No dead letter " + id);
        }
        if (letter.state() != DeadLetter.State.PENDING) {
            throw RequestRejected.conflict("state", "Dead letter " + id + " is already " + letter.state());
        }
        return letter;
    }

    private static DeadLetter.State parseState(String state) {
        if (state == null || state.isBlank()) {
            return DeadLetter.State.PENDING;
        }
        try {
            return DeadLetter.State.valueOf(state.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw RequestRejected.invalid("state", "state must be pending, retried, discarded or all");
        }
    }

    private static OffsetDateTime min(OffsetDateTime a, OffsetDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    private static OffsetDateTime max(OffsetDateTime a, OffsetDateTime b) {
        return a.isAfter(b) ? a : b;
    }
}
