package io.mensageria.persistence.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class StorableTextTest {

    @Test
    void textThatFitsIsKeptAsItIs() {
        assertEquals("GET /api/plans", StorableText.of("GET /api/plans", 200));
        assertNull(StorableText.of(null, 10));
    }

    @Test
    void nulIsRemovedAndTheRestCutToTheColumn() {
        assertEquals("ab", StorableText.of("a\u0000b", 10));
        assertEquals("X".repeat(200), StorableText.of("X".repeat(250), 200));
    }

    @Test
    void aCutNeverSplitsACharacterInTwo() {
        String clef = "\uD834\uDD1E"; // one character, two chars
        assertEquals("ab", StorableText.of("ab" + clef, 3));
    }
}
