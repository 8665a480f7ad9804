package io.mensageria.messaging.boundary;

/** A message that no retry can make readable: bad metadata, a payload that is not the event's JSON. */
public class UnreadableMessage extends RuntimeException {

    public UnreadableMessage(String message, Throwable cause) {
        super(message, cause);
    }
}
