package io.mensageria.platform.control;

import io.mensageria.events.EventMetadata;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/** The one place that puts events on the broker: payload as JSON text, metadata as string properties. */
@ApplicationScoped
public class JmsEventSender {

    // Created by server-config/payara/configure-domain.sh on the ActiveMQ resource adapter.
    @Resource(lookup = "jms/mensageria")
    ConnectionFactory connectionFactory;

    /** Sends inside the caller's JTA transaction: the message leaves only if that transaction commits. */
    public void send(EventMetadata metadata, String payload) {
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            TextMessage message = session.createTextMessage(payload);
            EventMessages.write(metadata, message);
            MessageProducer producer = session.createProducer(session.createTopic(metadata.topic()));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            producer.send(message);
        } catch (JMSException e) {
            throw new JMSRuntimeException("Could not publish " + metadata.eventType() + " " + metadata.eventId()
                    + ": " + e.getMessage(), e.getErrorCode(), e);
        }
    }
}
