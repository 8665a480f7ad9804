package io.mensageria.telemetry.boundary;

import io.mensageria.telemetry.control.TelemetryBuffer;

/** What the central log could not keep since start: the buffer was full, or the store refused a batch. */
public final class CentralLogLosses {

    private CentralLogLosses() {}

    public static long droppedLogs() {
        return TelemetryBuffer.droppedLogs();
    }

    public static long droppedSpans() {
        return TelemetryBuffer.droppedSpans();
    }
}
