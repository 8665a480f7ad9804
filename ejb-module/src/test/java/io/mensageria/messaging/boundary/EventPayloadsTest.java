package io.mensageria.messaging.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mensageria.events.CardAdded;
import io.mensageria.events.PlanPurchased;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventPayloadsTest {

    private static final JsonObject PURCHASE = Json.createObjectBuilder()
            .add("subscriptionId", UUID.randomUUID().toString())
            .add("userId", UUID.randomUUID().toString())
            .add("planId", "basic")
            .add("priceCents", 1990)
            .add("currency", "BRL")
            .build();

    @Test
    void aValidPayloadHasNoErrors() {
        assertEquals(Map.of(), EventPayloads.errors(PlanPurchased.class, PURCHASE));
    }

    @Test
    void eachFieldAtFaultIsNamed() {
        JsonObject broken = Json.createObjectBuilder(PURCHASE)
                .remove("planId")
                .add("userId", "not a uuid")
                .add("priceCents", 19.9)
                .add("coupon", "FREE")
                .build();

        assertEquals(
                Map.of(
                        "planId", "is required",
                        "userId", "must be a UUID",
                        "priceCents", "must be a whole number",
                        "coupon", "is not a field of PlanPurchased"),
                EventPayloads.errors(PlanPurchased.class, broken));
    }

    @Test
    void theEventsOwnRulesAreKept() {
        JsonObject card = Json.createObjectBuilder()
                .add("userId", UUID.randomUUID().toString())
                .add("cardId", UUID.randomUUID().toString())
                .add("token", "tok_1")
                .add("brand", "VISA")
                .add("last4", "12")
                .add("expiryMonth", 12)
                .add("expiryYear", 2030)
                .build();

        assertEquals(
                Map.of("payload", "is not a valid CardAdded: last4 must be four digits"),
                EventPayloads.errors(CardAdded.class, card));
    }

    @Test
    void typesAreFoundByTheirWireName() {
        assertEquals(Optional.of(PlanPurchased.class), EventPayloads.typeNamed("PlanPurchased"));
        assertEquals(Optional.empty(), EventPayloads.typeNamed("Nothing"));
    }
}
