package io.mensageria.deadletters.boundary;

import io.mensageria.audit.boundary.AuditTrail;
import io.mensageria.deadletters.entity.DeadLetter;
import io.mensageria.inbound.boundary.DeliveryFailures;
import io.mensageria.persistence.boundary.JsonText;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One dead letter as operators see it: its payload as JSON when it is JSON, else as text. In the list
 * (GET /ops/dead-letters) that is all; one dead letter whole (GET /ops/dead-letters/{id}) adds every
 * property of the message ({@code headers}), every failed attempt with its time and error
 * ({@code failures}, recorded by the platform: the broker's copy says only that its retries ran out),
 * and what operators did to it ({@code history}, from the audit trail). Absent fields are left out.
 */
public record DeadLetterView(
        UUID id,
        String queue,
        String consumer,
        String eventType,
        UUID eventId,
        String traceId,
        int attempts,
        String cause,
        OffsetDateTime deadLetteredAt,
        JsonValue payload,
        DeadLetter.State state,
        JsonObject headers,
        List<DeliveryFailures.Failure> failures,
        List<AuditTrail.Entry> history) {

    static DeadLetterView of(DeadLetter letter) {
        return whole(letter, null, null, null);
    }

    static DeadLetterView whole(
            DeadLetter letter,
            JsonObject headers,
            List<DeliveryFailures.Failure> failures,
            List<AuditTrail.Entry> history) {
        return new DeadLetterView(
                letter.id(),
                letter.queue(),
                letter.consumer(),
                letter.eventType(),
                letter.eventId(),
                letter.traceId(),
                letter.attempts(),
                letter.cause(),
                letter.deadLetteredAt(),
                JsonText.of(letter.payload()),
                letter.state(),
                headers,
                failures,
                history);
    }
}
