/**
 * The wire: how an event's metadata maps to JMS string properties and back ({@code EventMessages}),
 * and the one class that puts messages on the broker ({@code JmsEventSender}). Services never use it
 * directly: they append to the event log. Owns no table.
 */
package io.mensageria.messaging;
