package io.mensageria.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A broker pair on one store (MENSAGERIA_BROKER_REPLICAS=2); the serving broker crashes while cards
 * and purchases flow. The waiting one takes the store's lock and serves what the dead one had stored,
 * the clients fail over to it, and nothing is lost or done twice. Requests never wait for the broker
 * (the event log is the outbox), so every one is accepted, during the failover too. A purchase that
 * was waiting for a delayed round in the dead broker's scheduler gets that round from the new one.
 */
@Tag("scale-out")
class BrokerFailoverSystemIT {

    private static final Duration SETTLED = Duration.ofSeconds(120);

    @Test
    void killingTheServingBrokerUnderLoadLosesNothingAndDoublesNothing() throws Exception {
        OffsetDateTime start = OffsetDateTime.now().minusSeconds(1);
        FlowLoad.Report report;
        List<String> refused;
        Instant killedAt;
        String purchase;
        try (FlowLoad load = FlowLoad.start()) {
            load.faultIsOver();
            load.awaitAccepted(30);
            // Bought only now, under load: its whole retry schedule lasts some 8 s here, and must not be
            // over before the kill (it once was, when the 30 requests above took longer than that).
            Account cardless = Account.register("No card");
            assertEquals(202, cardless.subscribe(cardless.signIn(), "basic").statusCode());
            purchase = Ops.event("PlanPurchased", p -> p.getString("userId").equals(cardless.id()))
                    .orElseThrow()
                    .getString("eventId");
            // The adapter's quick retries are spent: the purchase waits in the scheduler for its next round.
            await().atMost(SETTLED).until(() -> failedAttempts(purchase, Instant.EPOCH) >= 2);
            String serving = Faults.servingBroker();
            killedAt = Instant.now();
            Faults.kill(serving);
            await().atMost(SETTLED).until(() -> !Faults.servingBroker().equals(serving));
            load.awaitAcceptedAfterFault(30);
            refused = load.stop();
            report = load.settle();
        } finally {
            Faults.startWhatIsDown();
        }
        report.print("Drill: kill -9 the serving broker of a pair under load");
        assertEquals(List.of(), refused, "requests not accepted while the broker failed over");
        report.assertNothingLostOrDoubled();

        // Rounds that were scheduled before the crash still come, until the last one dead-letters the purchase.
        await().atMost(SETTLED)
                .until(() -> Ops.consumerState(
                                Ops.eventsSince("PlanPurchased", start).stream()
                                        .filter(e -> e.getString("eventId").equals(purchase))
                                        .findFirst()
                                        .orElseThrow(),
                                "billing")
                        .equals("DEAD_LETTERED"));
        assertTrue(failedAttempts(purchase, killedAt) > 0, "no delayed round after the failover");
    }

    private static int failedAttempts(String eventId, Instant since) throws SQLException {
        try (Connection db = Stack.database();
                PreparedStatement count = db.prepareStatement("select count(*) from platform.delivery_failures"
                        + " where consumer = 'billing' and event_id = ?::uuid and failed_at > ?")) {
            count.setString(1, eventId);
            count.setTimestamp(2, Timestamp.from(since));
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }
}
