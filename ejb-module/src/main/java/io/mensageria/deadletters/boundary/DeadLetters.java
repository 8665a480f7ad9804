package io.mensageria.deadletters.boundary;

import io.mensageria.audit.boundary.AuditTrail;
import io.mensageria.deadletters.entity.DeadLetter;
import io.mensageria.events.DomainEvent;
import io.mensageria.events.EventMetadata;
import io.mensageria.inbound.boundary.DeliveryFailures;
import io.mensageria.messaging.boundary.EventMessages;
import io.mensageria.messaging.boundary.EventPayloads;
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
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The operators' dead-letter console: look (the list, or one whole), retry (re-send to the consumer's
 * queue as it was), edit (send a corrected copy), or discard; each action is in the audit trail.
 */
@Stateless
public class DeadLetters {

    static final int MAX_LISTED = 1000;
    private static final Logger LOG = Logger.getLogger(DeadLetters.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    JmsEventSender sender;

    @Inject
    AuditTrail audit;

    @Inject
    DeliveryFailures failures;

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

    /** One dead letter whole: its message's headers, every failed attempt, and what operators did to it. */
    public DeadLetterView detail(UUID id) {
        DeadLetter letter = em.find(DeadLetter.class, id);
        if (letter == null) {
            throw RequestRejected.notFound("No dead letter " + id);
        }
        List<DeliveryFailures.Failure> attempts =
                letter.eventId() == null ? List.of() : failures.of(letter.consumer(), letter.eventId());
        return DeadLetterView.whole(letter, headersOf(letter), attempts, audit.of(target(id)));
    }

    /** Re-sends a pending dead letter to its consumer's queue, same event id and properties, and marks it RETRIED. */
    public void retry(UUID id) {
        DeadLetter letter = pending(id);
        sender.sendToQueue(letter.queue(), letter.payload(), ownProperties(letter));
        letter.retried();
        audit.record("RETRY", target(id), "re-sent to " + letter.queue());
        LOG.info(() -> "Dead letter " + id + " retried on " + letter.queue());
    }

    /**
     * Sends an operator's corrected payload for a pending dead letter to its consumer's queue alone, as
     * a new event id with {@code editedFrom} = the original's (same trace, same causation), marks the
     * original EDITED, and answers the new event id. The consumer processes the copy only if it has not
     * processed the original, and then never the original (see Inbound).
     *
     * @throws RequestRejected invalid, naming each field at fault, when the payload is not a valid event of the type
     */
    public UUID edit(UUID id, JsonObject payload) {
        DeadLetter letter = pending(id);
        Class<? extends DomainEvent> type = EventPayloads.typeNamed(String.valueOf(letter.eventType()))
                .filter(known -> letter.eventId() != null)
                .orElseThrow(() -> RequestRejected.conflict(
                        "payload",
                        "Dead letter " + id + " is not a readable event of the catalog: retry or discard it"));
        Map<String, String> errors = new TreeMap<>();
        EventPayloads.errors(type, payload).forEach((field, error) -> errors.put("payload." + field, error));
        if (!errors.isEmpty()) {
            throw RequestRejected.invalid("The payload is not a valid " + letter.eventType(), errors);
        }
        UUID copy = UUID.randomUUID();
        Map<String, String> properties = ownProperties(letter);
        properties.put(EventMetadata.EVENT_ID, copy.toString());
        properties.put(EventMessages.EDITED_FROM, letter.eventId().toString());
        sender.sendToQueue(letter.queue(), payload.toString(), properties);
        letter.edited();
        audit.record("EDIT", target(id), "sent to " + letter.queue() + " as event " + copy);
        LOG.info(() -> "Dead letter " + id + " edited and sent to " + letter.queue() + " as event " + copy);
        return copy;
    }

    public void discard(UUID id) {
        pending(id).discarded();
        audit.record("DISCARD", target(id), null);
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
        members.forEach(letter -> discard(letter.id()));
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

    /** The audit trail's name for a dead letter. */
    static String target(UUID id) {
        return "dead-letter:" + id;
    }

    /** The message's own properties, to send it again: the broker's bookkeeping left behind. */
    private static Map<String, String> ownProperties(DeadLetter letter) {
        Map<String, String> properties = new LinkedHashMap<>();
        headersOf(letter).forEach((name, value) -> {
            if (!EventMessages.isBrokerProperty(name)) {
                properties.put(name, ((JsonString) value).getString());
            }
        });
        return properties;
    }

    /** The message's properties as the dead-letter queue had them (the broker's own included). */
    private static JsonObject headersOf(DeadLetter letter) {
        return Json.createReader(new StringReader(letter.properties())).readObject();
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
