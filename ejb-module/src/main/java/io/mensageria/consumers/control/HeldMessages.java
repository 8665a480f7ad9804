package io.mensageria.consumers.control;

import io.mensageria.messaging.boundary.EventMessages;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

/**
 * The held queue of each consumer queue, {@code Held.<queue>}: where a paused queue's deliveries wait,
 * in order of arrival, and from where they go back to their queue on resume.
 */
@Stateless
public class HeldMessages {

    static final String PREFIX = "Held.";
    /** Messages moved back per transaction. */
    static final int BATCH = 100;
    /** How long a move waits for the next held message before it takes the queue for empty. */
    private static final long RECEIVE_WAIT_MS = 200;

    // Created by server-config/payara/configure-domain.sh on the ActiveMQ resource adapter.
    @Resource(lookup = "jms/mensageria")
    ConnectionFactory connectionFactory;

    public static String of(String queue) {
        return PREFIX + queue;
    }

    /**
     * Moves up to {@link #BATCH} held messages back to their queue, oldest first, as fresh copies (no
     * attempt counted), and answers how many. Receiving and sending in one transaction of the broker's
     * alone: a message is moved once, or stays held.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int moveBack(String queue) {
        try (Connection connection = connectionFactory.createConnection();
                // The adapter's connections know only the JMS 1.1 form; in a JTA transaction its arguments are ignored.
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            connection.start();
            MessageConsumer held = session.createConsumer(session.createQueue(of(queue)));
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            int moved = 0;
            Message message;
            while (moved < BATCH && (message = held.receive(RECEIVE_WAIT_MS)) != null) {
                producer.send(EventMessages.copy(session, message));
                moved++;
            }
            return moved;
        } catch (JMSException e) {
            throw new JMSRuntimeException(
                    "Could not move held messages back to " + queue + ": " + e.getMessage(), e.getErrorCode(), e);
        }
    }
}
