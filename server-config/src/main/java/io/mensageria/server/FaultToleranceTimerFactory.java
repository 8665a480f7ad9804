package io.mensageria.server;

import java.util.Hashtable;
import javax.naming.Context;
import javax.naming.Name;
import javax.naming.spi.ObjectFactory;

/**
 * Makes the JNDI custom resource {@code concurrent/mensageria-fault-tolerance-timer} of a Payara Server
 * domain (configure-domain.sh): one {@link FaultToleranceTimer} for the server, whoever looks it up.
 */
public final class FaultToleranceTimerFactory implements ObjectFactory {

    private static final FaultToleranceTimer TIMER = new FaultToleranceTimer();

    @Override
    public Object getObjectInstance(Object reference, Name name, Context context, Hashtable<?, ?> environment) {
        return TIMER;
    }
}
