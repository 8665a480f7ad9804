/**
 * Instances: which application instances run (one Payara Server, or several Payara Micro instances
 * sharing the database and the broker). Each knows its own name ({@code MENSAGERIA_INSTANCE_NAME}) and
 * address, stamps them on what it writes to the central log, and writes a heartbeat row with its
 * health, so that every instance can list all of them. Owns {@code platform.instances}.
 */
package io.mensageria.instances;
