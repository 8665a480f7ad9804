package io.mensageria.inbound.control;

import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import org.apache.activemq.ra.InboundContext;
import org.apache.activemq.ra.InboundContextSupport;

/**
 * The delivery in progress, as the ActiveMQ adapter runs it for a consumer activated with
 * {@code useRAManagedTransaction=true}: in a local broker transaction of the adapter's session, which
 * the adapter commits (the acknowledgement) once {@code onMessage} returns, whatever happened inside.
 * A failed delivery is therefore rolled back here, which makes the adapter redeliver it on its
 * redelivery policy, then poison it to the broker's delayed rounds and dead-letter queue, as before.
 * The bean must keep its container-managed transaction (the default): only then does the adapter open a
 * transacted session; under bean-managed transactions or NOT_SUPPORTED it acknowledges in a {@code
 * finally}, a failed delivery included, and nothing could roll that back.
 */
public final class AdapterDelivery {

    private AdapterDelivery() {}

    /** Rolls back the current delivery's acknowledgement, so that the message comes again. */
    public static void redeliver() {
        InboundContext delivery = InboundContextSupport.getActiveSessionAndProducer();
        if (delivery == null) {
            throw new IllegalStateException("No ActiveMQ adapter delivery on this thread");
        }
        try {
            delivery.getSession().rollback();
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }
}
