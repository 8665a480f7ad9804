package io.mensageria.messaging.boundary;

import io.mensageria.catalog.boundary.ConsumerQueue;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/**
 * The one place that puts events on the broker: payload as JSON text, metadata as string properties.
 *
 * <p>Every send happens outside the caller's database transaction, and each persistent message is on
 * the broker when its send returns (or, for {@link #publishInCallersTransaction}, when the broker-only
 * transaction it joined commits): callers record that it was sent (published, retried) only afterwards,
 * in their own transaction. A crash in between sends it again later, which effect-once consumers skip.
 * Sending inside the caller's JTA transaction instead made the database the last agent of a two-phase
 * commit: a crash after the database committed "published" and before the broker committed the message
 * lost the message (the crash drill caught it).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class JmsEventSender {

    // Created by server-config/payara/configure-domain.sh on the ActiveMQ resource adapter.
    @Resource(lookup = "jms/mensageria")
    ConnectionFactory connectionFactory;

    /** Publishes events to their virtual topics, in order, over one connection, one synchronous send each. */
    public void publish(List<OutgoingEvent> events) {
        send(events);
    }

    /**
     * Publishes events as {@link #publish} does, inside the caller's transaction, which must hold the
     * broker alone ({@code BacklogPublisher}): the broker then stores them with one journal write
     * instead of one per message, and has them all when that transaction commits, in one phase.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishInCallersTransaction(List<OutgoingEvent> events) {
        send(events);
    }

    private void send(List<OutgoingEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try (Connection connection = connectionFactory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer producer = producer(session);
            for (OutgoingEvent event : events) {
                producer.send(session.createTopic(event.metadata().topic()), message(session, event));
            }
        } catch (JMSException e) {
            throw new JMSRuntimeException("Could not publish: " + e.getMessage(), e.getErrorCode(), e);
        }
    }

    /** Sends logged events to one consumer's queue only (a replay): the other consumers see nothing. */
    public void sendToConsumer(String consumer, List<OutgoingEvent> events) {
        try (Connection connection = connectionFactory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer producer = producer(session);
            for (OutgoingEvent event : events) {
                String queue = new ConsumerQueue(consumer, event.metadata().eventType()).name();
                producer.send(session.createQueue(queue), message(session, event));
            }
        } catch (JMSException e) {
            throw new JMSRuntimeException("Could not send to " + consumer + ": " + e.getMessage(), e.getErrorCode(), e);
        }
    }

    /** Re-sends a message to one consumer's queue only (a dead letter retried), with the properties it had. */
    public void sendToQueue(String queue, String payload, Map<String, String> properties) {
        try (Connection connection = connectionFactory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            TextMessage message = session.createTextMessage(payload);
            for (Map.Entry<String, String> property : properties.entrySet()) {
                message.setStringProperty(property.getKey(), property.getValue());
            }
            producer(session).send(session.createQueue(queue), message);
        } catch (JMSException e) {
            throw new JMSRuntimeException("Could not send to " + queue + ": " + e.getMessage(), e.getErrorCode(), e);
        }
    }

    /** Sends a copy of a delivered message to another queue (a paused consumer's, to hold it), as {@link EventMessages#copy}. */
    public void forward(String queue, Message delivered) {
        try (Connection connection = connectionFactory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            producer(session).send(session.createQueue(queue), EventMessages.copy(session, delivered));
        } catch (JMSException e) {
            throw new JMSRuntimeException("Could not send to " + queue + ": " + e.getMessage(), e.getErrorCode(), e);
        }
    }

    private static TextMessage message(Session session, OutgoingEvent event) throws JMSException {
        TextMessage message = session.createTextMessage(event.payload());
        EventMessages.write(event.metadata(), message);
        return message;
    }

    /** A producer for any destination; persistent, so that a send returns only once the broker has stored it. */
    private static MessageProducer producer(Session session) throws JMSException {
        MessageProducer producer = session.createProducer((Destination) null);
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        return producer;
    }
}
