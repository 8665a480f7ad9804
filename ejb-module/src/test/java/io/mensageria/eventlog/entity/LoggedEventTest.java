package io.mensageria.eventlog.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LoggedEventTest {

    @Test
    void theTraceIdIsTheSecondPartOfTheTraceparent() {
        assertEquals(
                "4bf92f3577b34da6a3ce929d0e0e4736",
                LoggedEvent.traceIdOf("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
    }

    @Test
    void noOrMalformedTraceparentMeansNoTraceId() {
        assertNull(LoggedEvent.traceIdOf(null));
        assertNull(LoggedEvent.traceIdOf("garbage"));
        assertNull(LoggedEvent.traceIdOf("00-short-00f067aa0ba902b7-01"));
    }
}
