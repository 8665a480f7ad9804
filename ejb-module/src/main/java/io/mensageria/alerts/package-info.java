/**
 * Alerts: tells an operator's webhook (MENSAGERIA_ALERT_WEBHOOK) what needs a person: a new dead letter,
 * a health check going DOWN or UP again. Sent after the transaction that caused them commits, in the
 * background, retried with backoff; never blocks or fails the work that raised them. Owns no table.
 */
package io.mensageria.alerts;
