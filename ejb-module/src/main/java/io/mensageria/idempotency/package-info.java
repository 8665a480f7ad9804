/**
 * Idempotency keys: what lets a repeated POST with the same {@code Idempotency-Key} answer as the
 * first did. Owns {@code platform.idempotency_keys}; the web module's filter is its only caller.
 */
package io.mensageria.idempotency;
