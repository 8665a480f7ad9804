package io.mensageria.messaging.boundary;

import io.mensageria.catalog.boundary.ConsumerQueue;
import io.mensageria.events.EventMetadata;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.Map;

/** The one place that puts events on the broker: payload as JSON text, metadata as string properties. */
@ApplicationScoped
public class JmsEventSender {

    // Created by server-config/payara/configure-domain.sh on the ActiveMQ resource adapter.
    @Resource(lookup = "jms/mensageria")
    ConnectionFactory connectionFactory;

    /** Publishes an event to its virtual topic, inside the caller's JTA transaction: it leaves only on commit. */
    public void send(EventMetadata metadata, String payload) {
        try (Connection connection = connectionFactory.createConnection();
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            TextMessage message = session.createTextMessage(payload);
            EventMessages.write(metadata, message);
            send(session, session.createTopic(metadata.topic()), message);
        } catch (JMSException e) {
            throw new JMSRuntimeException(
                    "Could not publish " + metadata.eventType() + " " + metadata.eventId() + ": " + e.getMessage(),
                    e.getErrorCode(),
                    e);
        }
    }

    /** Sends a logged event to one consumer's queue only (a replay): the other consumers see nothing. */
    public void sendToConsumer(String consumer, EventMetadata metadata, String payload) {
        String queue = new ConsumerQueue(consumer, metadata.eventType()).name();
        try (Connection connection = connectionFactory.createConnection();
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            TextMessage message = session.createTextMessage(payload);
            EventMessages.write(metadata, message);
            send(session, session.createQueue(queue), message);
        } catch (JMSException e) {
            throw new JMSRuntimeException("Could not send to " + queue + ": " + e.getMessage(), e.getErrorCode(), e);
        }
    }

    /** Re-sends a message to one consumer's queue only (a dead letter retried), with the properties it had. */
    public void sendToQueue(String queue, String payload, Map<String, String> properties) {
        try (Connection connection = connectionFactory.createConnection();
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            TextMessage message = session.createTextMessage(payload);
            for (Map.Entry<String, String> property : properties.entrySet()) {
                message.setStringProperty(property.getKey(), property.getValue());
            }
            send(session, session.createQueue(queue), message);
        } catch (JMSException e) {
            throw new JMSRuntimeException("Could not send to " + queue + ": " + e.getMessage(), e.getErrorCode(), e);
        }
    }

    private static void send(Session session, Destination destination, TextMessage message) throws JMSException {
        MessageProducer producer = session.createProducer(destination);
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        producer.send(message);
    }
}
