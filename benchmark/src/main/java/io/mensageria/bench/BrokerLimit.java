package io.mensageria.bench;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.activemq.ActiveMQConnection;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.command.ActiveMQQueue;

/**
 * The broker's limit, raw: persistent messages the size of an event published to a virtual topic with
 * two consumer queues, as the relay publishes, until both queues have delivered every one. Once with
 * one send per message (each a synchronous store write), once in transacted batches of 100.
 */
final class BrokerLimit {

    static final int BATCH = 100;
    private static final String TOPIC = "VirtualTopic.BenchLimit";
    private static final List<String> QUEUES = List.of("Consumer.bencha." + TOPIC, "Consumer.benchb." + TOPIC);
    private static final String PAYLOAD = "{\"userId\":\"6f1c2d1e-0000-4000-8000-000000000001\","
            + "\"cardId\":\"6f1c2d1e-0000-4000-8000-000000000002\",\"token\":\"tok_6f1c2d1e00004000800000000002\","
            + "\"brand\":\"VISA\",\"last4\":\"4242\",\"expiryMonth\":12,\"expiryYear\":2030}";

    private BrokerLimit() {}

    static List<Measurement> measure(BenchSettings settings) throws Exception {
        ActiveMQConnectionFactory factory =
                new ActiveMQConnectionFactory(settings.brokerUser(), settings.brokerPassword(), settings.brokerUrl());
        try (Connection connection = factory.createConnection()) {
            connection.start();
            List<Measurement> limits = new ArrayList<>();
            limits.add(new Measurement(
                    "broker-single",
                    "messages/s",
                    run(connection, 1, settings.limitRun()),
                    "persistent, 1 send per message, virtual topic to 2 queues"));
            limits.add(new Measurement(
                    "broker-batched",
                    "messages/s",
                    run(connection, BATCH, settings.limitRun()),
                    "persistent, transacted batches of " + BATCH + ", virtual topic to 2 queues"));
            for (String queue : QUEUES) {
                ((ActiveMQConnection) connection).destroyDestination(new ActiveMQQueue(queue));
            }
            return limits;
        }
    }

    /** Publishes for the given time, then waits until both queues delivered all; answers messages per second. */
    private static double run(Connection connection, int batch, Duration duration) throws Exception {
        AtomicLong delivered = new AtomicLong();
        List<Session> consumerSessions = new ArrayList<>();
        for (String queue : QUEUES) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            consumer.setMessageListener(message -> delivered.incrementAndGet());
            consumerSessions.add(session);
        }
        boolean transacted = batch > 1;
        try (Session session = connection.createSession(
                transacted, transacted ? Session.SESSION_TRANSACTED : Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer producer = session.createProducer(session.createTopic(TOPIC));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            long started = System.nanoTime();
            long deadline = started + duration.toNanos();
            long sent = 0;
            while (System.nanoTime() < deadline) {
                for (int i = 0; i < batch; i++) {
                    producer.send(session.createTextMessage(PAYLOAD));
                }
                if (transacted) {
                    session.commit();
                }
                sent += batch;
            }
            long expected = sent * QUEUES.size();
            long drainDeadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (delivered.get() < expected && System.nanoTime() < drainDeadline) {
                Thread.sleep(5);
            }
            if (delivered.get() < expected) {
                throw new IllegalStateException("the broker delivered " + delivered.get() + " of " + expected);
            }
            return sent / ((System.nanoTime() - started) / 1e9);
        } finally {
            for (Session consumer : consumerSessions) {
                close(consumer);
            }
        }
    }

    private static void close(Session session) {
        try {
            session.close();
        } catch (JMSException e) {
            // Closing at the end of a measurement: nothing more to do with it.
        }
    }
}
