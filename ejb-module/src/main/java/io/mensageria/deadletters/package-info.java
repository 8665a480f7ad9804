/**
 * Dead letters: drains every consumer's dead-letter queue into a table, with the real cause and the
 * true attempt count, and gives operators list, groups, retry and discard ({@code /ops/dead-letters}).
 * Takes in unreadable messages the inbound pipeline refused. Owns {@code platform.dead_letters}.
 */
package io.mensageria.deadletters;
