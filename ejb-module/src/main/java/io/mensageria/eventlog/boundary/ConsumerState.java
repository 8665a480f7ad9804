package io.mensageria.eventlog.boundary;

/** Where one consumer stands with one event; later constants win when several facts are known. */
public enum ConsumerState {
    /** Not handled yet, nor failed. */
    PENDING,
    /** Failed at least once; redelivery goes on (or an operator retried it). */
    RETRYING,
    /** Out of retries: in the dead-letter table, waiting for an operator. */
    DEAD_LETTERED,
    /** Handled, once. */
    PROCESSED
}
