package io.mensageria.infra;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogsCommandTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void aTraceIsShownWholeAndOtherQueriesTheNewestHundred() {
        LogsCommand.Query trace =
                LogsCommand.Query.parse(new String[] {"--trace", "4BF92F3577B34DA6A3CE929D0E0E4736"}, NOW);
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", trace.traceId());
        assertEquals(100_000, trace.rows());
        assertEquals(100, LogsCommand.Query.parse(new String[] {}, NOW).rows());
        assertEquals(
                7, LogsCommand.Query.parse(new String[] {"--limit", "7"}, NOW).rows());
    }

    @Test
    void sinceTakesAnAgeOrAnInstant() {
        assertEquals(Instant.parse("2026-12-02T09:50:00Z"), LogsCommand.Query.since("10m", NOW));
        assertEquals(Instant.parse("2026-12-02T08:00:00Z"), LogsCommand.Query.since("2h", NOW));
        assertEquals(Instant.parse("2026-12-01T10:00:00Z"), LogsCommand.Query.since("1d", NOW));
        assertEquals(Instant.parse("2026-12-01T07:30:00Z"), LogsCommand.Query.since("2026-12-01T07:30:00Z", NOW));
    }

    @Test
    void aLevelMeansThatLevelAndTheMoreSevereOnes() {
        LogsCommand.Query query =
                LogsCommand.Query.parse(new String[] {"--level", "warn", "--service", "billing", "--follow"}, NOW);
        List<Object> parameters = new ArrayList<>();
        String where = query.where(parameters, 41);
        assertEquals("where id > ? and service = ? and level = any(?)", where);
        assertEquals(41L, parameters.get(0));
        assertEquals("billing", parameters.get(1));
        assertArrayEquals(new String[] {"WARN", "ERROR"}, (String[]) parameters.get(2));
        assertTrue(query.follow());
    }

    @Test
    void badOptionsSayWhatIsExpected() {
        assertMessage("--trace takes a trace id", "--trace", "nope");
        assertMessage("--level takes one of", "--level", "LOUD");
        assertMessage("--since takes an instant", "--since", "yesterday");
        assertMessage("--limit takes a number", "--limit", "0");
        assertMessage("unknown option --colour", "--colour", "red");
        assertMessage("--service needs a value", "--service");
    }

    private static void assertMessage(String expected, String... args) {
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> LogsCommand.Query.parse(args, NOW));
        assertTrue(refused.getMessage().startsWith(expected), refused.getMessage());
    }
}
