/**
 * Consumers: pausing and resuming what a consumer is delivered, by an operator (every queue of a
 * consumer) or by a kill switch (one queue, while a dependency is down). A paused queue's deliveries
 * are held, unhandled and without using an attempt, in {@code Held.<queue>}, and go back to the queue
 * in order of arrival on resume. Owns {@code platform.consumer_pauses}.
 */
package io.mensageria.consumers;
