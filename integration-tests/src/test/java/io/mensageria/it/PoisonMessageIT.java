package io.mensageria.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mensageria.deadletters.boundary.DeadLetterView;
import io.mensageria.deadletters.boundary.DeadLetters;
import io.mensageria.deadletters.entity.DeadLetter;
import jakarta.ejb.EJB;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import java.time.Duration;
import java.util.UUID;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A message no retry could make readable is dead-lettered at once, not redelivered. */
@ExtendWith(ArquillianExtension.class)
class PoisonMessageIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.mensageriaWith(PoisonMessageIT.class);
    }

    @EJB
    DeadLetters deadLetters;

    @Test
    void anUnreadableMessageIsDeadLetteredOnItsFirstDelivery() throws Exception {
        String marker = "not an event " + UUID.randomUUID();
        ConnectionFactory factory = InitialContext.doLookup("jms/mensageria");
        try (Connection connection = factory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            TextMessage poison = session.createTextMessage(marker);
            poison.setStringProperty("eventType", "UserRegistered");
            session.createProducer(session.createQueue("Consumer.notifications.VirtualTopic.UserRegistered"))
                    .send(poison);
        }

        DeadLetterView letter = Poll.until(
                Duration.ofSeconds(30),
                "the poison message in the dead-letter table",
                () -> deadLetters.find("notifications", "UserRegistered", null).stream()
                        .filter(d -> d.payload().equals(Json.createValue(marker)))
                        .findFirst()
                        .orElse(null));

        assertEquals(1, letter.attempts(), "dead-lettered on its first delivery");
        assertTrue(letter.cause().startsWith("UnreadableMessage"), letter.cause());
        assertEquals(DeadLetter.State.PENDING, letter.state());
    }
}
