package io.mensageria.idempotency.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A POST route whose answer holds a secret (a bearer token): {@link IdempotencyFilter} never stores it,
 * and a repeat with the same Idempotency-Key is simply served again. Only for routes whose repeat is
 * harmless, such as signing in.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface NeverReplayed {}
