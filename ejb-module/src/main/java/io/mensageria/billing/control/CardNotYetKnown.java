package io.mensageria.billing.control;

/**
 * A plan was bought before billing has heard of any card of its user: events can arrive out of order.
 * Thrown on purpose, so that the delivery fails and is retried later; once CardAdded has been handled a
 * retry charges. If the card never comes, the message ends in the dead-letter queue.
 */
public class CardNotYetKnown extends RuntimeException {

    public CardNotYetKnown(java.util.UUID userId) {
        super("No card known yet for user " + userId + "; the charge will be retried");
    }
}
