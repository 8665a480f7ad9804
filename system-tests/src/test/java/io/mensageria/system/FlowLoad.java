package io.mensageria.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Cards and purchases flowing through the proxy while a drill breaks something, and the count that
 * decides the drill: of the requests that were accepted (201, 202), how many had their effects
 * (delivered), how many did not (lost), and how many effects happened twice (duplicates).
 *
 * <p>Two kinds of sender run at once: card holders adding cards (wallet, then billing), and buyers
 * who each register (billing, notifications), add a card and buy a plan (subscriptions, billing's
 * charge, the activation, the user's notifications). A request that was not accepted (a 502 for one
 * in flight on a process that died) is counted as sent only: its client knows it failed.
 */
final class FlowLoad implements AutoCloseable {

    private static final String VISA = "4111111111111111";
    private static final int NEXT_YEAR = Year.now().getValue() + 1;
    private static final Duration SETTLED = Duration.ofSeconds(120);

    private final AtomicBoolean flowing = new AtomicBoolean(true);
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger acceptedAfterFault = new AtomicInteger();
    private final AtomicLong faultAt = new AtomicLong(Long.MAX_VALUE);
    /** Requests sent once the fault was over that were not accepted: "status path" each. */
    private final List<String> refusedAfterFault = new ArrayList<>();

    private final Set<String> registrations = ConcurrentHashMap.newKeySet();
    private final Set<String> cards = ConcurrentHashMap.newKeySet();
    private final Set<String> subscriptions = ConcurrentHashMap.newKeySet();
    private final Set<String> users = ConcurrentHashMap.newKeySet();
    private final Map<Integer, Integer> refusals = new ConcurrentHashMap<>();

    private final ExecutorService senders = Executors.newFixedThreadPool(3);
    private final List<Future<?>> sending = new ArrayList<>();

    /** Starts two card holders and one buyer sending, each one request at a time. */
    static FlowLoad start() {
        FlowLoad load = new FlowLoad();
        for (int holder = 0; holder < 2; holder++) {
            Account account = Account.register("Card holder");
            String token = account.signIn();
            load.users.add(account.id());
            load.sending.add(load.senders.submit(() -> load.addCards(account, token)));
        }
        load.sending.add(load.senders.submit(load::buyPlans));
        return load;
    }

    void awaitAccepted(int count) {
        await().atMost(SETTLED).until(() -> accepted.get() >= count);
    }

    /** From now on, the fault is over: every request sent must be accepted. */
    void faultIsOver() {
        faultAt.set(System.nanoTime());
    }

    void awaitAcceptedAfterFault(int count) {
        await().atMost(SETTLED).until(() -> acceptedAfterFault.get() >= count);
    }

    /** Stops the senders (each finishes its request) and returns the requests refused after the fault. */
    List<String> stop() throws Exception {
        flowing.set(false);
        for (Future<?> sender : sending) {
            sender.get();
        }
        synchronized (refusedAfterFault) {
            return List.copyOf(refusedAfterFault);
        }
    }

    /** Waits until every accepted request's effects are there (or the deadline passes), and counts. */
    Report settle() throws SQLException {
        try {
            await().atMost(SETTLED).pollInterval(Duration.ofSeconds(1)).until(() -> lostEffects() == 0);
        } catch (ConditionTimeoutException e) {
            // The report below says what is missing; the drill asserts on it.
        }
        int lost = lostEffects();
        return new Report(
                sent.get(), accepted.get(), accepted.get() - lost, lost, duplicateEffects(), Map.copyOf(refusals));
    }

    @Override
    public void close() {
        flowing.set(false);
        senders.shutdownNow();
    }

    private void addCards(Account account, String token) {
        while (flowing.get()) {
            send(() -> account.addCard(token, VISA, 1, NEXT_YEAR), cards);
        }
    }

    /** Registers a user, who signs in, adds a card and buys a plan; a step not accepted ends the attempt. */
    private void buyPlans() {
        while (flowing.get()) {
            String email = "buyer-" + UUID.randomUUID() + "@example.com";
            String password = "pw-" + UUID.randomUUID();
            Optional<String> id = send(
                    () -> Stack.postJson(Stack.PROXY + "/api/users", Stack.registration("Buyer", email, password)),
                    registrations);
            if (id.isEmpty()) {
                continue;
            }
            users.add(id.get());
            Account buyer = new Account(id.get(), email, password);
            HttpResponse<String> signIn = Stack.postJson(Stack.PROXY + "/api/sessions", buyer.credentials());
            if (signIn.statusCode() != 200) {
                continue;
            }
            String token = Stack.json(signIn).getString("token");
            if (send(() -> buyer.addCard(token, VISA, 1, NEXT_YEAR), cards).isPresent()) {
                send(() -> buyer.subscribe(token, "basic"), subscriptions);
            }
        }
    }

    /** Sends one request that creates something, counts it, and keeps the id of what it created if accepted. */
    private Optional<String> send(Supplier<HttpResponse<String>> request, Set<String> ids) {
        long started = System.nanoTime();
        HttpResponse<String> response = request.get();
        sent.incrementAndGet();
        int status = response.statusCode();
        if (status == 201 || status == 202) {
            String id = Stack.json(response).getString("id");
            ids.add(id);
            accepted.incrementAndGet();
            if (started > faultAt.get()) {
                acceptedAfterFault.incrementAndGet();
            }
            return Optional.of(id);
        }
        refusals.merge(status, 1, Integer::sum);
        if (started > faultAt.get()) {
            synchronized (refusedAfterFault) {
                refusedAfterFault.add(status + " " + response.uri().getPath() + " " + response.body());
            }
        }
        return Optional.empty();
    }

    /**
     * Accepted requests whose effects are not all there: a registration billing or notifications does
     * not know, a card billing does not have, a purchase not active.
     */
    private int lostEffects() throws SQLException {
        try (Connection db = Stack.database()) {
            return missing(
                            db,
                            "select count(*) from billing.accounts join notifications.recipients using (user_id)"
                                    + " where user_id = any(?::uuid[])",
                            registrations)
                    + missing(db, "select count(*) from billing.cards where card_id = any(?::uuid[])", cards)
                    + missing(
                            db,
                            "select count(*) from subscriptions.subscriptions where id = any(?::uuid[])"
                                    + " and status = 'ACTIVE'",
                            subscriptions);
        }
    }

    /**
     * Effects that happened more than once: a purchase charged twice, a notification sent twice for one
     * event. (A card in billing is its own key, so it cannot be there twice.)
     */
    private int duplicateEffects() throws SQLException {
        try (Connection db = Stack.database()) {
            return count(
                            db,
                            "select coalesce(sum(n - 1), 0) from (select count(*) n from billing.payments"
                                    + " where subscription_id = any(?::uuid[]) and status = 'SUCCEEDED'"
                                    + " group by subscription_id) charges",
                            subscriptions)
                    + count(
                            db,
                            "select coalesce(sum(n - 1), 0) from (select count(*) n from notifications.notifications"
                                    + " where user_id = any(?::uuid[]) group by event_id, kind) sent",
                            users);
        }
    }

    private static int missing(Connection db, String countPresent, Set<String> ids) throws SQLException {
        return ids.size() - count(db, countPresent, ids);
    }

    private static int count(Connection db, String query, Set<String> ids) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(query)) {
            statement.setArray(1, db.createArrayOf("varchar", ids.toArray()));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    /** What a drill prints and asserts. */
    record Report(int sent, int accepted, int delivered, int lost, int duplicates, Map<Integer, Integer> refused) {

        void print(String drill) {
            System.out.printf(
                    "%n%s%n  sent %d, accepted %d, delivered %d, lost %d, duplicate effects %d, not accepted %s%n%n",
                    drill, sent, accepted, delivered, lost, duplicates, refused);
        }

        void assertNothingLostOrDoubled() {
            assertEquals(0, lost, "accepted requests whose effects never happened");
            assertEquals(0, duplicates, "effects that happened twice");
        }
    }
}
