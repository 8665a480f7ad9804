package io.mensageria.it;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * Runs a test's work in a container transaction of its own, committed when it returns, as a
 * message-driven bean's delivery is. (A UserTransaction in the test class itself is fragile here: the
 * one Weld injects once answered null, and the one looked up is refused once an EJB was called.)
 */
@Stateless
public class InNewTransaction {

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void run(Runnable work) {
        work.run();
    }
}
