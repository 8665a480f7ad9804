package io.mensageria.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSSecurityException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

/** What another user of the same machine can reach: not the data folder, the broker or the database. */
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

    /** The embedded PostgreSQL trusted every local connection as superuser: hashes, tokens, COPY ... PROGRAM. */
    @Test
    void theDatabaseWantsAPasswordFromEveryone() {
        for (String user : List.of("postgres", "mensageria_owner", "mensageria_app")) {
            assertThrows(SQLException.class, () -> Stack.database(user, "").close(), user + " without a password");
            SQLException refused = assertThrows(
                    SQLException.class,
                    () -> Stack.database(user, "not-the-password").close(),
                    user);
            assertEquals("28P01", refused.getSQLState(), user + ": " + refused.getMessage());
        }
    }

    /** The application's own role reads and writes rows; only the migrations' role changes the schema. */
    @Test
    void theApplicationsRoleCanChangeRowsButNotTheSchema() throws SQLException {
        try (Connection app = Stack.database("mensageria_app", Stack.secret("db-app-password"));
                Statement sql = app.createStatement()) {
            assertTrue(sql.executeQuery("select count(*) from accounts.users").next());
            SQLException refused =
                    assertThrows(SQLException.class, () -> sql.execute("create table platform.intruder (id int)"));
            assertEquals("42501", refused.getSQLState(), refused.getMessage());
            assertThrows(SQLException.class, () -> sql.execute("drop table accounts.users"));
            assertThrows(SQLException.class, () -> sql.execute("copy (select 1) to program 'true'"));
        }
    }

    private static void assertRefused(ActiveMQConnectionFactory factory) {
        factory.setConnectResponseTimeout(10_000);
        assertThrows(JMSSecurityException.class, () -> {
            try (jakarta.jms.Connection connection = factory.createConnection()) {
                connection.start();
            }
        });
    }
}
