package io.mensageria.problems.rest;

import io.mensageria.problems.boundary.RequestRejected;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;
import java.util.UUID;

/**
 * A JSON request body is read as the API means it: one object and nothing after it, each member of the
 * JSON type its field has. JSON-B alone takes the first of two objects sent one after the other,
 * unwraps an object from an array of one, and reads {@code 123} or {@code true} as the text "123"; here a
 * text field takes only a JSON string and a whole-number field only a whole number. An empty body goes
 * on as it is, for the resource's own "a JSON body is required".
 */
@Provider
public class StrictJsonBody implements ReaderInterceptor {

    // Looked up once, not on every Json.createParser() (each asks JsonProvider.provider() again).
    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getMediaType() == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType())) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        if (body.length > 0) {
            if (!isOneObject(body)) {
                throw new ProcessingException("The body is not one JSON object");
            }
            Optional<RecordComponent> mistyped = mistypedMember(read(body), context.getType());
            if (mistyped.isPresent()) {
                RecordComponent field = mistyped.get();
                throw RequestRejected.invalid(field.getName(), "must be " + jsonTypeOf(field.getType()));
            }
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    static boolean isOneObject(byte[] body) {
        try (JsonParser parser = JSON.createParser(new ByteArrayInputStream(body))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                return false;
            }
            // Event by event: Parsson's skipObject() spins forever on a body cut short.
            int depth = 1;
            while (depth > 0) {
                switch (parser.next()) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    default -> {}
                }
            }
            return !parser.hasNext();
        } catch (RuntimeException notJson) {
            // JsonParsingException, NoSuchElementException at the end, a bare RuntimeException when nested too deep.
            return false;
        }
    }

    /** The first field of a record body whose member has another JSON type; null and absent are left to validation. */
    static Optional<RecordComponent> mistypedMember(JsonObject body, Class<?> type) {
        if (!type.isRecord()) {
            return Optional.empty();
        }
        for (RecordComponent field : type.getRecordComponents()) {
            JsonValue value = body.get(field.getName());
            if (value != null && value.getValueType() != JsonValue.ValueType.NULL && !fits(value, field.getType())) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    private static boolean fits(JsonValue value, Class<?> type) {
        return switch (jsonTypeOf(type)) {
            case "a JSON string" -> value.getValueType() == JsonValue.ValueType.STRING;
            case "a whole JSON number" -> value instanceof JsonNumber number && number.isIntegral();
            case "true or false" -> value == JsonValue.TRUE || value == JsonValue.FALSE;
            default -> true;
        };
    }

    private static String jsonTypeOf(Class<?> type) {
        if (type == String.class || type == UUID.class || TemporalAccessor.class.isAssignableFrom(type)) {
            return "a JSON string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole JSON number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "of its declared type";
    }

    private static JsonObject read(byte[] body) {
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
            return reader.readObject();
        }
    }
}
