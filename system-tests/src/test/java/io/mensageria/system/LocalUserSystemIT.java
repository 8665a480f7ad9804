package io.mensageria.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

/** What another user of the same machine can reach: not the data folder, and not the broker. */
class LocalUserSystemIT {

    private static final String BROKER = System.getProperty("mensageria.broker.url", "tcp://127.0.0.1:61616");

    /** domain.xml holds the broker's password, nginx.conf the proxy's secret, postgres every user's rows. */
    @Test
    void theDataFolderIsItsOwnersOnly() throws Exception {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(Stack.DATA);

        assertEquals(
                EnumSet.of(
                        PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.OWNER_EXECUTE),
                permissions);
    }

    /** Without the password a local process cannot publish a forged PaymentSucceeded. */
    @Test
    void theBrokerRefusesAnonymousAndWrongPasswordConnections() {
        assertRefused(new ActiveMQConnectionFactory(BROKER));
        assertRefused(new ActiveMQConnectionFactory("mensageria", "not-the-password", BROKER));
    }

    private static void assertRefused(ActiveMQConnectionFactory factory) {
        factory.setConnectResponseTimeout(10_000);
        assertThrows(JMSSecurityException.class, () -> {
            try (Connection connection = factory.createConnection()) {
                connection.start();
            }
        });
    }
}
