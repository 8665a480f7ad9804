package io.mensageria.messaging.boundary;

import io.mensageria.events.EventMetadata;

/** A logged event on its way to the broker: its metadata (the message properties) and its JSON payload. */
public record OutgoingEvent(EventMetadata metadata, String payload) {}
