package io.mensageria.alerts.boundary;

import jakarta.json.JsonObject;

/**
 * Something an operator should hear about, fired as a CDI event: {@link Alerts} sends it once the
 * transaction that fired it has committed (at once when there is none), and never if it rolls back.
 *
 * @param kind {@code dead-letter}, {@code consumer} (paused or resumed) or {@code health}
 * @param detail what happened, as the webhook receives it
 */
public record Alert(String kind, JsonObject detail) {}
