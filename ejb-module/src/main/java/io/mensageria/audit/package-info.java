/**
 * Audit: who did what to the running system (an operator's retry, discard, replay), recorded in the
 * same transaction as the action, so that an action and its record stand or fall together. Owns
 * {@code platform.audit_entries}.
 */
package io.mensageria.audit;
