package io.mensageria.messaging.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Queue depths as the broker counts them, asked through ActiveMQ's statistics plugin (one wildcard
 * request answers for every consumer queue, one more for every held queue), at most once per
 * {@link #FRESH_FOR} however often they are asked for.
 */
@Singleton
// Outside any transaction: the request must leave, and its answers arrive, before the method returns.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BrokerStatistics {

    static final Duration FRESH_FOR = Duration.ofSeconds(5);
    static final List<String> QUESTIONS =
            List.of("ActiveMQ.Statistics.Destination.Consumer.>", "ActiveMQ.Statistics.Destination.Held.>");
    static final String END_WITH_EMPTY_MESSAGE = "ActiveMQ.Statistics.Destination.List.End.With.Null";
    private static final long ANSWER_WAIT_MS = 2000;
    private static final Logger LOG = Logger.getLogger(BrokerStatistics.class.getName());

    @Resource(lookup = "jms/mensageria")
    ConnectionFactory connectionFactory;

    private Map<String, Long> depths = Map.of();
    private Instant fetchedAt = Instant.EPOCH;

    /** Messages waiting in a queue, or -1 when the broker could not be asked. */
    public long depth(String queue) {
        if (Instant.now().isAfter(fetchedAt.plus(FRESH_FOR))) {
            depths = fetch();
            fetchedAt = Instant.now();
        }
        return depths.getOrDefault(queue, depths.isEmpty() ? -1L : 0L);
    }

    private Map<String, Long> fetch() {
        try (Connection connection = connectionFactory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            connection.start();
            TemporaryQueue answers = session.createTemporaryQueue();
            MessageConsumer consumer = session.createConsumer(answers);
            Map<String, Long> found = new HashMap<>();
            for (String destinations : QUESTIONS) {
                Message question = session.createMessage();
                question.setJMSReplyTo(answers);
                question.setBooleanProperty(END_WITH_EMPTY_MESSAGE, true);
                session.createProducer(session.createQueue(destinations)).send(question);
                Message answer;
                while ((answer = consumer.receive(ANSWER_WAIT_MS)) instanceof MapMessage stats
                        && stats.itemExists("destinationName")) {
                    found.put(stats.getString("destinationName").replaceFirst("^queue://", ""), stats.getLong("size"));
                }
            }
            return found;
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.FINE, "Broker statistics unavailable", e);
            return Map.of();
        }
    }
}
