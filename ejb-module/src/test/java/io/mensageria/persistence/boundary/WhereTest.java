package io.mensageria.persistence.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class WhereTest {

    @Test
    void onlyTheFiltersGivenBecomeConditions() {
        assertEquals("", new Where().and("e.type = :type", "type", null).toString());
        assertEquals(
                " where e.type = :type and e.position < :before",
                new Where()
                        .and("e.type = :type", "type", "CardAdded")
                        .and("e.traceId = :traceId", "traceId", null)
                        .and("e.position < :before", "before", 42L)
                        .toString());
    }

    @Test
    void aFullPageLeadsToTheNextOneAndAShortPageIsTheLast() {
        assertEquals(7L, Where.next(List.of(9L, 8L, 7L), 3, Long::longValue));
        assertNull(Where.next(List.of(9L, 8L), 3, Long::longValue));
        assertNull(Where.next(List.<Long>of(), 3, Long::longValue));
    }

    @Test
    void storedTextIsShownAsJsonWhenItIsAJsonObject() {
        assertEquals(Json.createObjectBuilder().add("userId", "u1").build(), JsonText.of("{\"userId\":\"u1\"}"));
        assertEquals(Json.createValue("not json"), JsonText.of("not json"));
        assertEquals(Json.createValue("[1,2]"), JsonText.of("[1,2]"));
    }
}
