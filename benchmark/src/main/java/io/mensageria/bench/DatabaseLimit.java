package io.mensageria.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The database's limit for the card-added flow and for the full purchase flow: their transactions run
 * directly over JDBC, at 1, 4 and 16 clients, against copies of the real tables (same columns, indexes
 * and durability) in a scratch schema of the same PostgreSQL. Card-added is two transactions (the
 * wallet's card and event-log row; billing's inbox mark and card copy); a purchase is six (those two,
 * then the subscription's order, billing's charge, the subscription's activation and the notification),
 * with the reads each step of the application makes. What the application adds on top of this is its
 * own cost.
 */
final class DatabaseLimit {

    static final int[] CLIENTS = {1, 4, 16};
    private static final String SCHEMA = "bench_limit";
    // The plan the purchase workload buys.
    private static final String PLAN = "standard";

    private DatabaseLimit() {}

    /** One flow's transactions, run once per call, each committed, on a client's own connection. */
    @FunctionalInterface
    private interface Transactions {
        void runOnce(Client client) throws SQLException;
    }

    static List<Measurement> measure(BenchSettings settings) throws Exception {
        try (Connection admin = connect(settings)) {
            execute(
                    admin,
                    "drop schema if exists " + SCHEMA + " cascade",
                    "create schema " + SCHEMA,
                    "create table " + SCHEMA + ".cards (like wallet.cards including all)",
                    "create table " + SCHEMA + ".event_log (like platform.event_log including all)",
                    "create table " + SCHEMA + ".inbox (like platform.inbox including all)",
                    "create table " + SCHEMA + ".billing_cards (like billing.cards including all)",
                    "create table " + SCHEMA + ".plans (like subscriptions.plans including all)",
                    "insert into " + SCHEMA + ".plans select * from subscriptions.plans",
                    "create table " + SCHEMA + ".subscriptions (like subscriptions.subscriptions including all)",
                    // "like" never copies foreign keys; the real one costs every order a key-share lock on its plan.
                    "alter table " + SCHEMA + ".subscriptions add foreign key (plan_id) references " + SCHEMA
                            + ".plans (id)",
                    "create table " + SCHEMA + ".payments (like billing.payments including all)",
                    "create table " + SCHEMA + ".recipients (like notifications.recipients including all)",
                    "create table " + SCHEMA + ".notifications (like notifications.notifications including all)");
            List<Measurement> limits = new ArrayList<>();
            try {
                for (int clients : CLIENTS) {
                    limits.add(new Measurement(
                            "db-card-added-" + clients,
                            "flows/s",
                            run(settings, clients, settings.limitRun(), DatabaseLimit::cardAdded),
                            "card-added's 2 transactions over JDBC, " + clients + " clients"));
                }
                for (int clients : CLIENTS) {
                    limits.add(new Measurement(
                            "db-purchase-" + clients,
                            "flows/s",
                            run(settings, clients, settings.limitRun(), DatabaseLimit::purchase),
                            "the purchase's 6 transactions over JDBC, " + clients + " clients"));
                }
            } finally {
                execute(admin, "drop schema " + SCHEMA + " cascade");
            }
            return limits;
        }
    }

    private static double run(BenchSettings settings, int clients, Duration duration, Transactions flow)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long deadline = System.nanoTime() + duration.toNanos();
            long started = System.nanoTime();
            List<Future<Long>> workers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                workers.add(pool.submit(() -> flows(settings, deadline, flow)));
            }
            long flows = 0;
            for (Future<Long> worker : workers) {
                flows += worker.get();
            }
            return flows / ((System.nanoTime() - started) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long flows(BenchSettings settings, long deadline, Transactions flow) throws SQLException {
        try (Connection connection = connect(settings)) {
            Client client = new Client(connection);
            long flows = 0;
            while (System.nanoTime() < deadline) {
                flow.runOnce(client);
                flows++;
            }
            return flows;
        }
    }

    /** Card-added: the wallet's transaction, then billing's (its consumer of CardAdded). */
    private static void cardAdded(Client client) throws SQLException {
        NewCard card = NewCard.of(UUID.randomUUID());
        addCard(client, card);
        client.commit();
        keepCard(client, card);
        client.commit();
    }

    /**
     * A new subscriber's purchase, as the application runs it: the card (two transactions, as in
     * card-added), the order, billing's charge, the activation and the notification, each step reading
     * what the application reads before it writes.
     */
    private static void purchase(Client client) throws SQLException {
        UUID userId = UUID.randomUUID();
        NewCard card = NewCard.of(userId);
        addCard(client, card);
        // Stands in for notifications' copy of the address, which registration (UserRegistered) writes in the
        // application: committed with the wallet's transaction so that the flow stays six transactions.
        client.update(
                "insert into " + SCHEMA + ".recipients (user_id, name, email) values (?, 'Ana Lima', ?)",
                userId,
                "ana." + userId + "@example.com");
        client.commit();
        keepCard(client, card);
        client.commit();
        PlanPurchased order = order(client, userId, PLAN);
        client.commit();
        PaymentSucceeded payment = charge(client, order);
        client.commit();
        SubscriptionActivated activation = activate(client, payment);
        client.commit();
        notifyActive(client, activation);
        client.commit();
    }

    /** Wallet: the card and its CardAdded event (Wallet.addCard). */
    private static void addCard(Client client, NewCard card) throws SQLException {
        client.update(
                "insert into " + SCHEMA + ".cards"
                        + " (id, user_id, token, brand, last4, holder, expiry_month, expiry_year, added_at)"
                        + " values (?, ?, ?, 'VISA', '4242', 'Ana Lima', 12, 2030, ?)",
                card.id(),
                card.userId(),
                card.token(),
                card.addedAt());
        client.update(
                "insert into " + SCHEMA + ".event_log"
                        + " (event_id, event_type, event_version, occurred_at, producer, traceparent, trace_id,"
                        + " payload) values (?, 'CardAdded', 1, ?, 'wallet', ?, ?, ?)",
                card.eventId(),
                card.addedAt(),
                traceparent(card.traceId(), card.id()),
                card.traceId(),
                "{\"userId\":\"" + card.userId() + "\",\"cardId\":\"" + card.id() + "\",\"token\":\"" + card.token()
                        + "\",\"brand\":\"VISA\",\"last4\":\"4242\",\"expiryMonth\":12,\"expiryYear\":2030}");
    }

    /** Billing's consumer of CardAdded: the inbox mark and its copy of the card (BillingAccounts.keepCard). */
    private static void keepCard(Client client, NewCard card) throws SQLException {
        client.update(
                "insert into " + SCHEMA + ".inbox (consumer, event_id) values ('billing', ?) on conflict do nothing",
                card.eventId());
        client.update(
                "insert into " + SCHEMA + ".billing_cards"
                        + " (card_id, user_id, token, brand, last4, added_at) values (?, ?, ?, 'VISA', '4242', ?)",
                card.id(),
                card.userId(),
                card.token(),
                card.addedAt());
    }

    /**
     * Subscriptions, the POST (Subscriptions.purchase): the plan, the check for a live subscription,
     * the PENDING subscription and its PlanPurchased event. A new trace, as a new request.
     */
    private static PlanPurchased order(Client client, UUID userId, String planId) throws SQLException {
        long priceCents;
        String currency;
        try (ResultSet plan =
                client.query("select id, name, price_cents, currency from " + SCHEMA + ".plans where id = ?", planId)) {
            if (!plan.next()) {
                throw new IllegalStateException("No plan '" + planId + "' in " + SCHEMA + ".plans");
            }
            priceCents = plan.getLong("price_cents");
            currency = plan.getString("currency");
        }
        try (ResultSet live = client.query(
                "select id from " + SCHEMA + ".subscriptions" + " where user_id = ? and status in (?, ?) limit 1",
                userId,
                "PENDING",
                "ACTIVE")) {
            if (live.next()) {
                throw new IllegalStateException("User " + userId + " already has a live subscription");
            }
        }
        UUID subscriptionId = UUID.randomUUID();
        client.update(
                "insert into " + SCHEMA + ".subscriptions"
                        + " (id, user_id, plan_id, price_cents, currency, status, created_at)"
                        + " values (?, ?, ?, ?, ?, 'PENDING', ?)",
                subscriptionId,
                userId,
                planId,
                priceCents,
                currency,
                now());
        String traceId = hex(subscriptionId);
        UUID eventId = append(
                client,
                "PlanPurchased",
                "subscriptions",
                traceId,
                null,
                "{\"currency\":\"" + currency + "\",\"planId\":\"" + planId + "\",\"priceCents\":" + priceCents
                        + ",\"subscriptionId\":\"" + subscriptionId + "\",\"userId\":\"" + userId + "\"}");
        return new PlanPurchased(eventId, traceId, subscriptionId, userId, priceCents, currency);
    }

    /**
     * Billing's consumer of PlanPurchased (Payments.charge): the inbox mark, the card added last, the
     * SUCCEEDED payment keyed by the PlanPurchased event, and its PaymentSucceeded event.
     */
    private static PaymentSucceeded charge(Client client, PlanPurchased order) throws SQLException {
        mark(client, "billing", order.eventId());
        UUID cardId;
        try (ResultSet card = client.query(
                "select card_id, user_id, token, brand, last4, added_at from " + SCHEMA + ".billing_cards"
                        + " where user_id = ? order by added_at desc limit 1",
                order.userId())) {
            if (!card.next()) {
                throw new IllegalStateException("No card yet for user " + order.userId());
            }
            cardId = card.getObject("card_id", UUID.class);
        }
        UUID paymentId = UUID.randomUUID();
        client.update(
                "insert into " + SCHEMA + ".payments"
                        + " (id, subscription_id, user_id, card_id, amount_cents, currency, status, gateway_charge,"
                        + " charge_key, created_at) values (?, ?, ?, ?, ?, ?, 'SUCCEEDED', ?, ?, ?)",
                paymentId,
                order.subscriptionId(),
                order.userId(),
                cardId,
                order.priceCents(),
                order.currency(),
                "ch_" + hex(UUID.randomUUID()),
                order.eventId(),
                now());
        UUID eventId = append(
                client,
                "PaymentSucceeded",
                "billing",
                order.traceId(),
                order.eventId(),
                "{\"amountCents\":" + order.priceCents() + ",\"currency\":\"" + order.currency()
                        + "\",\"paymentId\":\"" + paymentId + "\",\"subscriptionId\":\"" + order.subscriptionId()
                        + "\",\"userId\":\"" + order.userId() + "\"}");
        return new PaymentSucceeded(eventId, order.traceId(), order.subscriptionId());
    }

    /**
     * Subscriptions' consumer of PaymentSucceeded (Subscriptions.paid): the inbox mark, the subscription
     * (read without a lock, as em.find does), its activation and the SubscriptionActivated event.
     */
    private static SubscriptionActivated activate(Client client, PaymentSucceeded payment) throws SQLException {
        mark(client, "subscriptions", payment.eventId());
        UUID userId;
        String planId;
        try (ResultSet subscription = client.query(
                "select id, user_id, plan_id, price_cents, currency, status, failure_reason, created_at,"
                        + " activated_at from " + SCHEMA + ".subscriptions where id = ?",
                payment.subscriptionId())) {
            if (!subscription.next()) {
                throw new IllegalStateException("Unknown subscription " + payment.subscriptionId());
            }
            userId = subscription.getObject("user_id", UUID.class);
            planId = subscription.getString("plan_id");
        }
        // Microseconds, as the application's clock gives them: the column and the event carry the same instant.
        Timestamp activatedAt = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS));
        client.update(
                "update " + SCHEMA + ".subscriptions set status = 'ACTIVE', activated_at = ? where id = ?",
                activatedAt,
                payment.subscriptionId());
        UUID eventId = append(
                client,
                "SubscriptionActivated",
                "subscriptions",
                payment.traceId(),
                payment.eventId(),
                "{\"activatedAt\":\"" + activatedAt.toInstant() + "\",\"planId\":\"" + planId
                        + "\",\"subscriptionId\":\"" + payment.subscriptionId() + "\",\"userId\":\"" + userId + "\"}");
        return new SubscriptionActivated(eventId, userId, planId);
    }

    /**
     * Notifications' consumer of SubscriptionActivated (Notifications.subscriptionActive): the inbox mark,
     * the recipient's address and the notification sent to it.
     */
    private static void notifyActive(Client client, SubscriptionActivated activation) throws SQLException {
        mark(client, "notifications", activation.eventId());
        String email;
        try (ResultSet recipient = client.query(
                "select user_id, name, email from " + SCHEMA + ".recipients where user_id = ?", activation.userId())) {
            if (!recipient.next()) {
                throw new IllegalStateException("No address known yet for user " + activation.userId());
            }
            email = recipient.getString("email");
        }
        client.update(
                "insert into " + SCHEMA + ".notifications (id, user_id, kind, recipient, subject, event_id, sent_at)"
                        + " values (?, ?, 'SUBSCRIPTION_ACTIVE', ?, ?, ?, ?)",
                UUID.randomUUID(),
                activation.userId(),
                email,
                "Your " + activation.planId() + " subscription is active",
                activation.eventId(),
                now());
    }

    /** A consumer's processed mark (Inbox.markProcessed), in the transaction of its effect. */
    private static void mark(Client client, String consumer, UUID eventId) throws SQLException {
        client.update(
                "insert into " + SCHEMA + ".inbox (consumer, event_id) values (?, ?) on conflict do nothing",
                consumer,
                eventId);
    }

    /**
     * Appends an event as EventLog.append does: the trace continued under a span of its own, and the
     * event being handled as its cause (none for a request's).
     */
    private static UUID append(
            Client client, String type, String producer, String traceId, UUID causationId, String payload)
            throws SQLException {
        UUID eventId = UUID.randomUUID();
        client.update(
                "insert into " + SCHEMA + ".event_log"
                        + " (event_id, event_type, event_version, occurred_at, producer, traceparent, trace_id,"
                        + " causation_id, payload) values (?, ?, 1, ?, ?, ?, ?, ?, ?)",
                eventId,
                type,
                now(),
                producer,
                traceparent(traceId, eventId),
                traceId,
                causationId,
                payload);
        return eventId;
    }

    private static String traceparent(String traceId, UUID span) {
        return "00-" + traceId + "-" + hex(span).substring(0, 16) + "-01";
    }

    private static String hex(UUID id) {
        return id.toString().replace("-", "");
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    /** A card as the wallet adds it, with its CardAdded event; a trace of its own, as a request of its own. */
    private record NewCard(UUID id, UUID userId, UUID eventId, String token, Timestamp addedAt, String traceId) {
        static NewCard of(UUID userId) {
            UUID id = UUID.randomUUID();
            return new NewCard(id, userId, UUID.randomUUID(), "tok_" + id, now(), hex(id));
        }
    }

    // What each consumer of the purchase receives: the event's id (its inbox key, and the cause of what it
    // emits), the trace it continues, and the payload fields it uses.
    private record PlanPurchased(
            UUID eventId, String traceId, UUID subscriptionId, UUID userId, long priceCents, String currency) {}

    private record PaymentSucceeded(UUID eventId, String traceId, UUID subscriptionId) {}

    private record SubscriptionActivated(UUID eventId, UUID userId, String planId) {}

    /**
     * One client: its own connection, without autocommit, and each statement prepared on it once, at
     * first use, as the application's statement cache would have it. The statements close with the
     * connection.
     */
    private static final class Client {

        private final Connection connection;
        private final Map<String, PreparedStatement> prepared = new HashMap<>();

        Client(Connection connection) throws SQLException {
            this.connection = connection;
            connection.setAutoCommit(false);
        }

        int update(String sql, Object... values) throws SQLException {
            return bound(sql, values).executeUpdate();
        }

        /** The query's rows: the caller closes them. */
        ResultSet query(String sql, Object... values) throws SQLException {
            return bound(sql, values).executeQuery();
        }

        void commit() throws SQLException {
            connection.commit();
        }

        private PreparedStatement bound(String sql, Object... values) throws SQLException {
            PreparedStatement statement = prepared.get(sql);
            if (statement == null) {
                statement = connection.prepareStatement(sql);
                prepared.put(sql, statement);
            }
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement;
        }
    }

    static Connection connect(BenchSettings settings) throws SQLException {
        return DriverManager.getConnection(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
    }

    static void execute(Connection connection, String... statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
