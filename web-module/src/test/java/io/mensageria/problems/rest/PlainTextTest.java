package io.mensageria.problems.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void anyWellFormedTextWithoutControlCharactersIsPlain() {
        assertTrue(PlainText.Validator.isPlain("Ana Lima"));
        assertTrue(PlainText.Validator.isPlain("Zoë 李 \uD83D\uDE00 \u200F"), "accents, CJK, a pair, marks");
        assertTrue(PlainText.Validator.isPlain(""));
    }

    @Test
    void everyControlCharacterIsRefused() {
        for (int c = 0; c < 0xA0; c++) {
            if (Character.isISOControl(c)) {
                assertFalse(PlainText.Validator.isPlain("a" + (char) c + "b"), "U+" + Integer.toHexString(c));
            }
        }
    }

    @Test
    void halfASurrogatePairIsRefused() {
        assertFalse(PlainText.Validator.isPlain("Ana\uD800"));
        assertFalse(PlainText.Validator.isPlain("\uDE00Ana"));
        assertFalse(PlainText.Validator.isPlain("\uDE00\uD83D"), "a pair in the wrong order");
    }
}
