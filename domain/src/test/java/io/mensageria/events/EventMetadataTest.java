package io.mensageria.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventMetadataTest {

    @Test
    void eachEventTypeHasItsVirtualTopic() {
        EventMetadata metadata = metadata("UserRegistered", 1);
        assertEquals("VirtualTopic.UserRegistered", metadata.topic());
    }

    @Test
    void theEventTypeIsTheRecordsName() {
        UserRegistered event = new UserRegistered(UUID.randomUUID(), "Ana", "ana@example.com");
        assertEquals("UserRegistered", event.eventType());
        assertEquals(1, event.eventVersion());
        assertEquals("PaymentFailed", DomainEvent.typeOf(PaymentFailed.class));
    }

    @Test
    void metadataWithoutItsRequiredPartsIsRefused() {
        assertThrows(NullPointerException.class, () -> metadata(null, 1));
        assertThrows(IllegalArgumentException.class, () -> metadata("UserRegistered", 0));
    }

    private static EventMetadata metadata(String type, int version) {
        return new EventMetadata(UUID.randomUUID(), type, version, Instant.now(), "accounts", null, null);
    }
}
