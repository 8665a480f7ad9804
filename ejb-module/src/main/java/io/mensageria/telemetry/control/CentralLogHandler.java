package io.mensageria.telemetry.control;

import io.mensageria.catalog.boundary.ServiceCatalog;
import io.mensageria.telemetry.boundary.CurrentEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

/**
 * Copies log records into the {@link TelemetryBuffer}, with the trace and span current on the logging
 * thread and the event being handled, if any. Never blocks, never throws. One handler takes every
 * record of the application's loggers ({@link #forApplication()}); another, on the root logger, takes
 * the warnings and errors of the server and its libraries under service {@value #SERVER}
 * ({@link #forServer()}).
 */
public class CentralLogHandler extends Handler {

    static final int MAX_MESSAGE = 8000;
    /** The service name of what Payara, EclipseLink, the resource adapter, Jersey or Hazelcast log. */
    static final String SERVER = "server";

    private final Formatter formatter = new SimpleFormatter();
    private final boolean server;

    private CentralLogHandler(boolean server) {
        this.server = server;
    }

    /** For the application's loggers (io.mensageria): every record, attributed to its service. */
    public static CentralLogHandler forApplication() {
        return new CentralLogHandler(false);
    }

    /**
     * For the root logger: WARNING and above from any other logger. The application's records reach
     * the root too, and are stored by the other handler already; the central log's own troubles
     * ({@link CentralLog#OWN_LOGGER}) must not feed back into it.
     */
    static CentralLogHandler forServer() {
        CentralLogHandler handler = new CentralLogHandler(true);
        handler.setLevel(Level.WARNING);
        handler.setFilter(record -> !isApplicationLogger(record.getLoggerName()));
        return handler;
    }

    static boolean isApplicationLogger(String logger) {
        return logger != null
                && (logger.startsWith(CentralLog.APPLICATION_LOGGERS) || logger.equals(CentralLog.OWN_LOGGER));
    }

    @Override
    public void publish(LogRecord record) {
        try {
            if (!isLoggable(record)) {
                return;
            }
            SpanContext span = Span.current().getSpanContext();
            TelemetryBuffer.offer(new TelemetryBuffer.LogEntry(
                    record.getInstant(),
                    server ? SERVER : serviceOf(record.getLoggerName()),
                    levelOf(record.getLevel()),
                    String.valueOf(record.getLoggerName()),
                    messageOf(record),
                    span.isValid() ? span.getTraceId() : null,
                    span.isValid() ? span.getSpanId() : null,
                    CurrentEvent.causationId()));
        } catch (RuntimeException e) {
            reportError("Could not buffer a log record", e, 0);
        }
    }

    /** The consumer handling an event on this thread, else the service whose package the logger is in. */
    static String serviceOf(String logger) {
        String consumer = CurrentEvent.consumer();
        return consumer != null ? consumer : ServiceCatalog.declared().serviceOfLogger(logger);
    }

    static String levelOf(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (value >= Level.WARNING.intValue()) {
            return "WARN";
        }
        if (value >= Level.INFO.intValue()) {
            return "INFO";
        }
        return value >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
    }

    private String messageOf(LogRecord record) {
        String message = formatter.formatMessage(record);
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            message = message + "\n" + trace;
        }
        return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message;
    }

    @Override
    public void flush() {
        // CentralLog writes on its own schedule.
    }

    @Override
    public void close() {
        // Nothing held.
    }

    @Override
    public String toString() {
        return getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }
}
