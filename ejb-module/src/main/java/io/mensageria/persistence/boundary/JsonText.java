package io.mensageria.persistence.boundary;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** Stored text shown as JSON: a payload that is a JSON object as that object, anything else as a string. */
public final class JsonText {

    private JsonText() {}

    public static JsonValue of(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (RuntimeException notAnObject) {
            // An unreadable dead letter's payload may be anything: it is shown as it came.
            return Json.createValue(text);
        }
    }
}
