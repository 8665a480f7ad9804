package io.mensageria.messaging.boundary;

import io.mensageria.events.DomainEvent;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Event payloads checked against their type, field by field, before anyone sends one by hand (an
 * operator's edited dead letter): every field of the record present and of its JSON kind, no other
 * member, and the event's own rules (its constructor) kept.
 */
public final class EventPayloads {

    private static final Jsonb JSON = JsonbBuilder.create();

    private EventPayloads() {}

    /** The event type of the catalog with this name. */
    public static Optional<Class<? extends DomainEvent>> typeNamed(String eventType) {
        return Arrays.stream(DomainEvent.class.getPermittedSubclasses())
                .<Class<? extends DomainEvent>>map(type -> type.asSubclass(DomainEvent.class))
                .filter(type -> DomainEvent.typeOf(type).equals(eventType))
                .findFirst();
    }

    /** What is wrong with the payload, field by field; empty when it is a valid event of the type. */
    public static Map<String, String> errors(Class<? extends DomainEvent> type, JsonObject payload) {
        Map<String, String> errors = new TreeMap<>();
        for (RecordComponent field : type.getRecordComponents()) {
            JsonValue value = payload.get(field.getName());
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                errors.put(field.getName(), "is required");
            } else if (!fits(field.getType(), value)) {
                errors.put(field.getName(), "must be " + kindOf(field.getType()));
            }
        }
        payload.keySet().stream()
                .filter(name -> Arrays.stream(type.getRecordComponents())
                        .noneMatch(field -> field.getName().equals(name)))
                .forEach(name -> errors.put(name, "is not a field of " + DomainEvent.typeOf(type)));
        if (errors.isEmpty()) {
            try {
                JSON.fromJson(payload.toString(), type);
            } catch (RuntimeException broken) {
                Throwable cause = broken;
                while (cause.getCause() != null && cause.getCause() != cause) {
                    cause = cause.getCause();
                }
                errors.put("payload", "is not a valid " + DomainEvent.typeOf(type) + ": " + cause.getMessage());
            }
        }
        return errors;
    }

    private static boolean fits(Class<?> type, JsonValue value) {
        if (type == String.class) {
            return value instanceof JsonString;
        }
        if (type == UUID.class) {
            return value instanceof JsonString text && parses(() -> UUID.fromString(text.getString()));
        }
        if (type == Instant.class) {
            return value instanceof JsonString text && parses(() -> Instant.parse(text.getString()));
        }
        if (type == long.class || type == Long.class) {
            return value instanceof JsonNumber number && number.isIntegral() && parses(number::longValueExact);
        }
        if (type == int.class || type == Integer.class) {
            return value instanceof JsonNumber number && number.isIntegral() && parses(number::intValueExact);
        }
        throw new IllegalStateException("No JSON kind for " + type + ": add it here");
    }

    private static String kindOf(Class<?> type) {
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant";
        }
        return type == String.class ? "a string" : "a whole number";
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            return false;
        }
    }
}
