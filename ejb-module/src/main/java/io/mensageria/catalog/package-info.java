/**
 * The service catalog: every service as it declares itself once, in its own {@code *Service} class
 * (name, consumed queues, published events, replay safety, public routes), found through
 * {@code META-INF/services}. The shared components ask it who consumes what and whose log line or
 * span something is, so that none of them names a service. Owns no table.
 */
package io.mensageria.catalog;
