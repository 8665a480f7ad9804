package io.mensageria.inbound.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ejb.EJBException;
import org.junit.jupiter.api.Test;

class DeliveryFailuresTest {

    @Test
    void theRecordedErrorIsTheInnermostCauseNotTheContainersWrapping() {
        RuntimeException real = new IllegalStateException("No card known yet for user 42");
        EJBException wrapped = new EJBException(new RuntimeException("transaction rolled back", real));
        assertEquals("IllegalStateException: No card known yet for user 42", DeliveryFailures.describe(wrapped));
        assertEquals("IllegalStateException: No card known yet for user 42", DeliveryFailures.describe(real));
    }
}
