package io.mensageria.telemetry.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mensageria.problems.boundary.RequestRejected;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceViewTest {

    @Test
    void aLevelFilterKeepsThatLevelAndEveryMoreSevereOne() {
        assertEquals(List.of("WARN", "ERROR"), TraceView.levelsFrom("warn"));
        assertEquals(List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR"), TraceView.levelsFrom("TRACE"));
        assertEquals(List.of("ERROR"), TraceView.levelsFrom("ERROR"));
    }

    @Test
    void searchedTextMatchesAnywhereAndItsWildcardsAreLiteral() {
        assertEquals("%charged 100%", TraceView.containing("Charged 100").substring(0, 13));
        assertEquals("%50\\% off\\_now\\\\%", TraceView.containing("50% off_now\\"));
    }

    @Test
    void aSearchRefusesAnUnknownLevelAndAnOutOfRangeLimit() {
        assertEquals(
                RequestRejected.Reason.INVALID,
                assertThrows(
                                RequestRejected.class,
                                () -> new TraceView.Search(null, "LOUD", null, null, null, null, 10))
                        .reason());
        assertThrows(RequestRejected.class, () -> new TraceView.Search(null, null, null, null, null, null, 0));
        assertThrows(
                RequestRejected.class,
                () -> new TraceView.Search(null, null, null, null, null, null, TraceView.MAX_LIMIT + 1));
    }
}
