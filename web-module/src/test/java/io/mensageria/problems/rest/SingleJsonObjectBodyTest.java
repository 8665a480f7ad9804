package io.mensageria.problems.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SingleJsonObjectBodyTest {

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

    private static boolean oneObject(String body) {
        return SingleJsonObjectBody.isOneObject(body.getBytes(StandardCharsets.UTF_8));
    }
}
