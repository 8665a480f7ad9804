package io.mensageria.gateway.boundary;

/** The gateway could not be reached or failed to answer: worth retrying later, unlike a decline. */
public class GatewayUnavailable extends RuntimeException {

    public GatewayUnavailable(String message) {
        super(message);
    }
}
