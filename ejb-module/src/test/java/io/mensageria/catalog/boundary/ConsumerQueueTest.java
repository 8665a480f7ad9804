package io.mensageria.catalog.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsumerQueueTest {

    @Test
    void oneQueuePerConsumerAndEventType() {
        assertEquals(
                "Consumer.billing.VirtualTopic.UserRegistered", new ConsumerQueue("billing", "UserRegistered").name());
    }

    @Test
    void aQueueNameParsesBackIntoItsConsumerAndEventType() {
        assertEquals(
                Optional.of(new ConsumerQueue("notifications", "PaymentFailed")),
                ConsumerQueue.parse("Consumer.notifications.VirtualTopic.PaymentFailed"));
    }

    @Test
    void otherDestinationsAreNoConsumerQueue() {
        for (String other : new String[] {
            "DLQ.Consumer.billing.VirtualTopic.CardAdded",
            "VirtualTopic.CardAdded",
            "Consumer.billing",
            "Consumer..VirtualTopic.CardAdded",
            "Consumer.billing.Queue.CardAdded",
            "Consumer.billing.VirtualTopic.",
            "Consumer.billing.VirtualTopic.A.B",
            "ActiveMQ.DLQ"
        }) {
            assertTrue(ConsumerQueue.parse(other).isEmpty(), other);
        }
        assertTrue(ConsumerQueue.parse(null).isEmpty());
    }
}
