package io.mensageria.problems.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StrictJsonBodyTest {

    @Test
    void oneObjectIsOneObject() {
        assertTrue(oneObject("{\"planId\":\"basic\"}"));
        assertTrue(oneObject("  {\"a\":{\"b\":[1,2,{}]}} \n"));
    }

    @Test
    void anythingElseIsNot() {
        assertFalse(oneObject("{\"a\":1}{\"a\":2}"), "two objects");
        assertFalse(oneObject("[{\"a\":1}]"), "an array of one");
        assertFalse(oneObject("{\"a\":1} x"), "trailing text");
        assertFalse(oneObject("\"text\""));
        assertFalse(oneObject("null"));
        assertFalse(oneObject("{\"a\":"));
        assertFalse(oneObject("{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}"), "nested too deep");
    }

    record Card(String holder, Integer expiryMonth, Boolean reprocess, java.time.OffsetDateTime since) {}

    @Test
    void eachMemberMustHaveItsFieldsJsonType() {
        assertEquals(Optional.empty(), mistyped("{\"holder\":\"Ana\",\"expiryMonth\":12,\"reprocess\":true}"));
        assertEquals(Optional.empty(), mistyped("{\"holder\":null,\"other\":[1]}"), "null and unknown members pass");
        assertEquals(Optional.of("holder"), mistyped("{\"holder\":123}"));
        assertEquals(Optional.of("holder"), mistyped("{\"holder\":true}"));
        assertEquals(Optional.of("expiryMonth"), mistyped("{\"expiryMonth\":\"12\"}"));
        assertEquals(Optional.of("expiryMonth"), mistyped("{\"expiryMonth\":12.5}"));
        assertEquals(Optional.of("reprocess"), mistyped("{\"reprocess\":\"yes\"}"));
        assertEquals(Optional.of("since"), mistyped("{\"since\":20260101}"));
    }

    private static Optional<String> mistyped(String body) {
        JsonObject object = Json.createReader(new StringReader(body)).readObject();
        return StrictJsonBody.mistypedMember(object, Card.class).map(RecordComponent::getName);
    }

    private static boolean oneObject(String body) {
        return StrictJsonBody.oneObject(body.getBytes(StandardCharsets.UTF_8)).isPresent();
    }
}
