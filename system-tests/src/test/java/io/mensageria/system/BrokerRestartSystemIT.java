package io.mensageria.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The broker stops (or crashes) while messages are being delivered, some held up, some failing and
 * rolled back: once it is back, every event accepted before, during and after lands where it should,
 * and every consumer goes on processing new ones. On plain tcp the resource adapter released its
 * endpoints under running deliveries, leaving their transactions (and database locks) on the worker
 * threads: later deliveries on such a thread failed ("Client's transaction aborted") and were
 * acknowledged unprocessed, which the restarts under load show. A delivery held up in the database
 * was safe even then; on failover its commit fails after the reconnection and it is delivered again.
 */
class BrokerRestartSystemIT {

    private static final String VISA = "4111111111111111";
    private static final int NEXT_YEAR = Year.now().getValue() + 1;
    private static final Duration SETTLED = Duration.ofSeconds(90);
    private static final int HELD_UP = 30;
    // Beside two senders of cards (deliveries that succeed): buyers without one (deliveries that fail).
    private static final int CARDLESS_SENDERS = 2;
    private static final String PASSWORD = "a long enough secret";

    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private final Set<String> cardless = ConcurrentHashMap.newKeySet();

    @Test
    void aDeliveryHeldUpWhileTheBrokerStopsIsProcessedOnceItIsBack() throws Exception {
        OffsetDateTime start = OffsetDateTime.now().minusSeconds(1);
        Account holder = Account.register("Held up");
        String token = holder.signIn();
        try (Connection test = Stack.database()) {
            test.setAutoCommit(false);
            // Billing's deliveries of the cards wait on this lock, their transactions open, while the
            // broker goes and comes back: the reconnection happens under them.
            test.createStatement().execute("lock table billing.cards in exclusive mode");
            for (int card = 0; card < HELD_UP; card++) {
                assertEquals(201, holder.addCard(token, VISA, 1, NEXT_YEAR).statusCode());
            }
            await().atMost(SETTLED).until(BrokerRestartSystemIT::billingWaitsOnItsCards);
            Faults.stop(Faults.BROKER);
            Faults.startWhatIsDown();
            test.rollback();
        }
        assertEquals(201, holder.addCard(token, VISA, 2, NEXT_YEAR).statusCode());

        awaitConsumers(start, "CardAdded", Set.of(holder.id()), Map.of("billing", "PROCESSED"));
        assertEquals(
                HELD_UP + 1,
                Ops.eventsSince("CardAdded", start).stream()
                        .filter(e ->
                                e.getJsonObject("payload").getString("userId").equals(holder.id()))
                        .count());
    }

    @Test
    void everyConsumerKeepsWorkingAndNothingIsLostAcrossBrokerRestartsUnderLoad() throws Exception {
        OffsetDateTime start = OffsetDateTime.now().minusSeconds(1);
        List<Holder> holders = List.of(Holder.register(), Holder.register());
        holders.forEach(holder -> registered.add(holder.account().id()));
        restartUnderLoad(holders, Faults::stop);
        restartUnderLoad(holders, Faults::kill);
        restartUnderLoad(holders, Faults::stop);

        awaitConsumers(
                start, "UserRegistered", registered, Map.of("billing", "PROCESSED", "notifications", "PROCESSED"));
        awaitConsumers(start, "CardAdded", registered, Map.of("billing", "PROCESSED"));
        // A purchase without a card is retried in delayed rounds (across the restarts) and then dead-lettered.
        awaitConsumers(start, "PlanPurchased", cardless, Map.of("billing", "DEAD_LETTERED"));
    }

    private void restartUnderLoad(List<Holder> holders, BrokerFault fault) throws Exception {
        AtomicBoolean flowing = new AtomicBoolean(true);
        AtomicInteger accepted = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(holders.size() + CARDLESS_SENDERS);
        try {
            List<Future<?>> sending = new ArrayList<>();
            holders.forEach(holder -> sending.add(senders.submit(() -> addCards(holder, flowing, accepted))));
            for (int sender = 0; sender < CARDLESS_SENDERS; sender++) {
                sending.add(senders.submit(() -> buyWithoutCards(flowing, accepted)));
            }
            // Deliveries are under way, some failing, when the broker goes.
            await().atMost(SETTLED).until(() -> accepted.get() >= 20);
            fault.apply(Faults.BROKER);
            flowing.set(false);
            for (Future<?> sender : sending) {
                sender.get();
            }
        } finally {
            flowing.set(false);
            senders.shutdownNow();
        }
        Faults.startWhatIsDown();

        Holder fresh = Holder.register();
        registered.add(fresh.account().id());
        assertEquals(201, fresh.addCard().statusCode());
        String subscription =
                Stack.json(fresh.account().subscribe(fresh.token(), "basic")).getString("id");
        await().atMost(SETTLED)
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> fresh.account()
                                .subscription(fresh.token(), subscription)
                                .getString("status"),
                        "ACTIVE"::equals);
    }

    private static void addCards(Holder holder, AtomicBoolean flowing, AtomicInteger accepted) {
        while (flowing.get()) {
            assertEquals(201, holder.addCard().statusCode());
            accepted.incrementAndGet();
        }
    }

    /** Registers users who buy a plan at once: billing cannot charge them, and rolls back. */
    private void buyWithoutCards(AtomicBoolean flowing, AtomicInteger accepted) {
        while (flowing.get()) {
            String email = "cardless-" + UUID.randomUUID() + "@example.com";
            HttpResponse<String> registration =
                    Stack.postJson(Stack.PROXY + "/api/users", Stack.registration("No card yet", email, PASSWORD));
            // 503: every hashing slot is taken (the other senders); as any client would, try again.
            if (registration.statusCode() == 503) {
                continue;
            }
            assertEquals(201, registration.statusCode(), registration.body());
            Account account = new Account(Stack.json(registration).getString("id"), email, PASSWORD);
            registered.add(account.id());
            HttpResponse<String> signIn = Stack.postJson(Stack.PROXY + "/api/sessions", account.credentials());
            if (signIn.statusCode() == 503) {
                continue;
            }
            assertEquals(
                    202,
                    account.subscribe(Stack.json(signIn).getString("token"), "basic")
                            .statusCode());
            cardless.add(account.id());
            accepted.incrementAndGet();
        }
    }

    /** Every event of this type since the start, of these users, reaches these consumer states. */
    private static void awaitConsumers(
            OffsetDateTime start, String type, Set<String> users, Map<String, String> expected) {
        Predicate<JsonObject> ours =
                e -> users.contains(e.getJsonObject("payload").getString("userId"));
        await().atMost(SETTLED).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<JsonObject> events =
                    Ops.eventsSince(type, start).stream().filter(ours).toList();
            Map<String, Long> unsettled = events.stream()
                    .flatMap(e -> expected.entrySet().stream()
                            .filter(want -> !want.getValue().equals(Ops.consumerState(e, want.getKey())))
                            .map(want -> want.getKey() + " " + Ops.consumerState(e, want.getKey())))
                    .collect(Collectors.groupingBy(state -> state, Collectors.counting()));
            assertEquals(
                    Map.of(), unsettled, type + ": consumer states not yet " + expected + " among " + events.size());
        });
    }

    private static boolean billingWaitsOnItsCards() throws SQLException {
        return Stack.locksWaiting("billing.cards") > 0;
    }

    /** A user signed in, who adds cards. */
    private record Holder(Account account, String token) {
        static Holder register() {
            Account account = Account.register("Card holder");
            return new Holder(account, account.signIn());
        }

        HttpResponse<String> addCard() {
            return account.addCard(token, VISA, 1, NEXT_YEAR);
        }
    }

    @FunctionalInterface
    private interface BrokerFault {
        void apply(String pidFile) throws Exception;
    }
}
