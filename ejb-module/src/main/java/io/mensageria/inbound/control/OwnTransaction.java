package io.mensageria.inbound.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.function.Supplier;

/**
 * A delivery's effect in a database transaction of its own, committed before {@code onMessage}
 * returns and so before the adapter acknowledges the message: a failed commit is a failed delivery,
 * never a lost one. A crash between the commit and the acknowledgement redelivers a message whose
 * effect is already marked in the inbox, which skips it.
 */
@Stateless
public class OwnTransaction {

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void run(Runnable effect) {
        effect.run();
    }

    /** The same, for an effect that answers something. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public <T> T call(Supplier<T> effect) {
        return effect.get();
    }
}
