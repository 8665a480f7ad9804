package io.mensageria.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mensageria.problems.boundary.RequestRejected;
import java.time.OffsetDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Query parameters of the ops API: absent is "any", a bad one is a 400 that names it. */
class OpsQueriesTest {

    @Test
    void anAbsentOrBlankParameterMeansAny() {
        assertNull(OpsQueries.instant("since", null));
        assertNull(OpsQueries.instant("since", " "));
        assertNull(OpsQueries.number("limit", ""));
        assertNull(OpsQueries.blankToNull("  "));
        assertEquals("billing", OpsQueries.blankToNull("billing"));
    }

    @Test
    void valuesAreParsed() {
        assertEquals(OffsetDateTime.parse("2026-01-31T12:00:00Z"), OpsQueries.instant("since", "2026-01-31T12:00:00Z"));
        assertEquals(50L, OpsQueries.number("limit", "50"));
        assertEquals(100, OpsQueries.limit(null, 100));
        assertEquals(7, OpsQueries.limit("7", 100));
        assertEquals(Integer.MAX_VALUE, OpsQueries.limit("99999999999", 100), "too large stays too large");
    }

    @Test
    void aBadValueIsRejectedNamingTheParameter() {
        RequestRejected badTime = assertThrows(RequestRejected.class, () -> OpsQueries.instant("until", "yesterday"));
        assertEquals(Set.of("until"), badTime.fieldErrors().keySet());
        assertEquals(RequestRejected.Reason.INVALID, badTime.reason());
        assertEquals(
                Set.of("before"),
                assertThrows(RequestRejected.class, () -> OpsQueries.number("before", "1e3"))
                        .fieldErrors()
                        .keySet());
        assertThrows(RequestRejected.class, () -> OpsQueries.number("limit", "99999999999999999999"));
    }
}
