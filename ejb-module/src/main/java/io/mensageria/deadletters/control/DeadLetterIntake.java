package io.mensageria.deadletters.control;

import io.mensageria.alerts.boundary.Alert;
import io.mensageria.catalog.boundary.ConsumerQueue;
import io.mensageria.deadletters.entity.DeadLetter;
import io.mensageria.events.EventMetadata;
import io.mensageria.inbound.boundary.DeliveryFailures;
import io.mensageria.inbound.boundary.MessageRefused;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collections;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Takes dead letters into the platform's table, in the transaction that consumes them: a dead letter
 * is never lost and, its JMS message id being unique, never recorded twice.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class DeadLetterIntake {

    static final String DLQ_PREFIX = "DLQ.";
    private static final Logger LOG = Logger.getLogger(DeadLetterIntake.class.getName());

    @PersistenceContext
    EntityManager em;

    @EJB
    DeliveryFailures failures;

    @Inject
    Event<Alert> alerts;

    /** A message the broker moved to a dead-letter queue after the last redelivery round. */
    public void drained(Message message) throws JMSException {
        String dlq = ((Queue) message.getJMSDestination()).getQueueName();
        String queue = dlq.startsWith(DLQ_PREFIX) ? dlq.substring(DLQ_PREFIX.length()) : dlq;
        String consumer = consumerOf(queue);
        UUID eventId = uuidOrNull(message.getStringProperty(EventMetadata.EVENT_ID));
        // The broker's own cause only says that its policy gave up; the consumer's last error says why.
        String cause = eventId == null ? null : failures.lastError(consumer, eventId);
        if (cause == null) {
            cause = String.valueOf(message.getStringProperty("dlqDeliveryFailureCause"));
        }
        int attempts = eventId == null ? 0 : failures.attempts(consumer, eventId);
        insert(message, queue, consumer, eventId, attempts, cause);
    }

    /** A message that can never be processed (unreadable metadata or payload): dead-lettered at once. */
    public void refused(@Observes MessageRefused refused) {
        try {
            Message message = refused.message();
            String queue = message.getJMSDestination() instanceof Queue q ? q.getQueueName() : "unknown";
            insert(
                    message,
                    queue,
                    refused.consumer(),
                    uuidOrNull(message.getStringProperty(EventMetadata.EVENT_ID)),
                    1,
                    refused.cause());
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    private void insert(Message message, String queue, String consumer, UUID eventId, int attempts, String cause)
            throws JMSException {
        String traceparent = message.getStringProperty(EventMetadata.TRACEPARENT);
        String traceId = traceparent != null && traceparent.length() == 55 ? traceparent.substring(3, 35) : null;
        UUID id = UUID.randomUUID();
        int inserted = em.createNativeQuery("""
                        insert into platform.dead_letters (id, message_id, queue, consumer, event_type, event_id,
                            trace_id, attempts, cause, dead_lettered_at, payload, properties, state)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?, ?, 'PENDING')
                        on conflict (message_id) do nothing""")
                .setParameter(1, id)
                .setParameter(2, message.getJMSMessageID())
                .setParameter(3, queue)
                .setParameter(4, consumer)
                .setParameter(5, message.getStringProperty(EventMetadata.EVENT_TYPE))
                .setParameter(6, eventId)
                .setParameter(7, traceId)
                .setParameter(8, attempts)
                .setParameter(
                        9, cause.length() > DeadLetter.MAX_CAUSE ? cause.substring(0, DeadLetter.MAX_CAUSE) : cause)
                .setParameter(10, message instanceof TextMessage text && text.getText() != null ? text.getText() : "")
                .setParameter(11, stringProperties(message))
                .executeUpdate();
        if (inserted == 1) {
            LOG.warning(() -> "Dead letter from " + queue + " (event " + eventId + "): " + cause);
            JsonObjectBuilder detail = Json.createObjectBuilder()
                    .add("id", id.toString())
                    .add("consumer", consumer)
                    .add("queue", queue)
                    .add("attempts", attempts)
                    .add("cause", cause);
            String eventType = message.getStringProperty(EventMetadata.EVENT_TYPE);
            if (eventType != null) {
                detail.add("eventType", eventType);
            }
            if (eventId != null) {
                detail.add("eventId", eventId.toString());
            }
            if (traceId != null) {
                detail.add("traceId", traceId);
            }
            alerts.fire(new Alert("dead-letter", detail.build()));
        }
    }

    /** {@code Consumer.<service>.VirtualTopic.<EventType>} names its consumer; anything else is "unknown". */
    static String consumerOf(String queue) {
        return ConsumerQueue.parse(queue).map(ConsumerQueue::consumer).orElse("unknown");
    }

    private static String stringProperties(Message message) throws JMSException {
        JsonObjectBuilder properties = Json.createObjectBuilder();
        for (Object name : Collections.list(message.getPropertyNames())) {
            Object value = message.getObjectProperty((String) name);
            if (value instanceof String text) {
                properties.add((String) name, text);
            }
        }
        return properties.build().toString();
    }

    private static UUID uuidOrNull(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
