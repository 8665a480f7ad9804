/**
 * The wire: how an event's metadata maps to JMS string properties and back ({@code EventMessages}),
 * the one class that puts messages on the broker ({@code JmsEventSender}), and queue depths as the
 * broker counts them ({@code BrokerStatistics}). Services never use it directly: they append to the
 * event log. Owns no table.
 */
package io.mensageria.messaging;
