package io.mensageria.eventlog.control;

/** Fired when an event is appended to the log; observed after commit to publish it without delay. */
public record EventLogged() {}
