package io.mensageria.deadletters.boundary;

import io.mensageria.deadletters.entity.DeadLetter;
import io.mensageria.persistence.boundary.JsonText;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One dead letter as operators see it (GET /ops/dead-letters): its payload as JSON when it is JSON, else as text. */
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
        DeadLetter.State state) {

    static DeadLetterView of(DeadLetter letter) {
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
                letter.state());
    }
}
