package io.mensageria.problems.rest;

import io.mensageria.problems.boundary.RequestRejected;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
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
 * text field takes only a JSON string and a whole-number field only a whole number. An empty body is
 * read as no entity (null), for the resource's own "a JSON body is required" or its default.
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
        if (body.length == 0) {
            // No entity at all (JSON-B would refuse it with a bare 400): the resource says what it needs.
            return null;
        }
        JsonObject object =
                oneObject(body).orElseThrow(() -> new ProcessingException("The body is not one JSON object"));
        Optional<RecordComponent> mistyped = mistypedMember(object, context.getType());
        if (mistyped.isPresent()) {
            RecordComponent field = mistyped.get();
            throw RequestRejected.invalid(field.getName(), "must be " + JsonKind.of(field.getType()).description);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    /** The body as one JSON object, if it is exactly that: nothing before it, nothing after it. */
    static Optional<JsonObject> oneObject(byte[] body) {
        try (JsonParser parser = JSON.createParser(new ByteArrayInputStream(body))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                return Optional.empty();
            }
            JsonObject object = parser.getObject();
            return parser.hasNext() ? Optional.empty() : Optional.of(object);
        } catch (RuntimeException notJson) {
            // JsonParsingException (text after the object, a body cut short), or a bare RuntimeException
            // when nested too deep.
            return Optional.empty();
        }
    }

    /** The first field of a record body whose member has another JSON type; null and absent are left to validation. */
    static Optional<RecordComponent> mistypedMember(JsonObject body, Class<?> type) {
        if (!type.isRecord()) {
            return Optional.empty();
        }
        for (RecordComponent field : type.getRecordComponents()) {
            JsonValue value = body.get(field.getName());
            if (value != null
                    && value.getValueType() != JsonValue.ValueType.NULL
                    && !JsonKind.of(field.getType()).accepts(value)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /** The JSON a field's Java type takes. */
    private enum JsonKind {
        TEXT("a JSON string"),
        WHOLE_NUMBER("a whole JSON number"),
        TRUE_OR_FALSE("true or false"),
        ANY("of its declared type");

        final String description;

        JsonKind(String description) {
            this.description = description;
        }

        static JsonKind of(Class<?> type) {
            if (type == String.class || type == UUID.class || TemporalAccessor.class.isAssignableFrom(type)) {
                return TEXT;
            }
            if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
                return WHOLE_NUMBER;
            }
            if (type == Boolean.class || type == boolean.class) {
                return TRUE_OR_FALSE;
            }
            return ANY;
        }

        boolean accepts(JsonValue value) {
            return switch (this) {
                case TEXT -> value.getValueType() == JsonValue.ValueType.STRING;
                case WHOLE_NUMBER -> value instanceof JsonNumber number && number.isIntegral();
                case TRUE_OR_FALSE -> value == JsonValue.TRUE || value == JsonValue.FALSE;
                case ANY -> true;
            };
        }
    }
}
