package io.mensageria.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The payload on the wire is the record's components alone, and reads back to an equal event. */
class EventPayloadTest {

    private final Jsonb json = JsonbBuilder.create();

    @Test
    void userRegisteredTravelsAsItsThreeFields() {
        UUID userId = UUID.fromString("7f1f7c53-5d0e-4d8a-9d55-2a8c6d1a3a10");
        UserRegistered event = new UserRegistered(userId, "Ana Lima", "ana@example.com");

        String payload = json.toJson(event);

        assertEquals("{\"email\":\"ana@example.com\",\"name\":\"Ana Lima\",\"userId\":\"" + userId + "\"}", payload);
        assertEquals(event, json.fromJson(payload, UserRegistered.class));
    }

    @Test
    void everyEventOfTheCatalogReadsBackEqual() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        for (DomainEvent event : new DomainEvent[] {
            new CardAdded(a, b, "tok_123", "VISA", "4242", 12, 2030),
            new PlanPurchased(a, b, "basic", 1990, "BRL"),
            new PaymentSucceeded(a, b, UUID.randomUUID(), 1990, "BRL"),
            new PaymentFailed(a, b, "declined"),
            new SubscriptionActivated(a, b, "premium", Instant.parse("2026-11-28T12:00:00Z"))
        }) {
            assertEquals(event, json.fromJson(json.toJson(event), event.getClass()), event.eventType());
        }
    }

    @Test
    void aCardEventNeverCarriesMoreThanTheLastFourDigits() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new CardAdded(UUID.randomUUID(), UUID.randomUUID(), "tok", "VISA", "4242424242424242", 1, 2030));
    }
}
