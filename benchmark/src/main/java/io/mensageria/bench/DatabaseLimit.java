package io.mensageria.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The database's limit for the card-added flow: its two transactions (the wallet's card and event-log
 * row; billing's inbox mark and card copy) run directly over JDBC, at 1, 4 and 16 clients, against
 * copies of the real tables (same columns, indexes and durability) in a scratch schema of the same
 * PostgreSQL. What the application adds on top of this is its own cost.
 */
final class DatabaseLimit {

    static final int[] CLIENTS = {1, 4, 16};
    private static final String SCHEMA = "bench_limit";

    private DatabaseLimit() {}

    static List<Measurement> measure(BenchSettings settings) throws Exception {
        try (Connection admin = connect(settings)) {
            execute(
                    admin,
                    "drop schema if exists " + SCHEMA + " cascade",
                    "create schema " + SCHEMA,
                    "create table " + SCHEMA + ".cards (like wallet.cards including all)",
                    "create table " + SCHEMA + ".event_log (like platform.event_log including all)",
                    "create table " + SCHEMA + ".inbox (like platform.inbox including all)",
                    "create table " + SCHEMA + ".billing_cards (like billing.cards including all)");
            List<Measurement> limits = new ArrayList<>();
            try {
                for (int clients : CLIENTS) {
                    limits.add(new Measurement(
                            "db-card-added-" + clients,
                            "flows/s",
                            run(settings, clients, settings.step()),
                            "card-added's 2 transactions over JDBC, " + clients + " clients"));
                }
            } finally {
                execute(admin, "drop schema " + SCHEMA + " cascade");
            }
            return limits;
        }
    }

    private static double run(BenchSettings settings, int clients, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long deadline = System.nanoTime() + duration.toNanos();
            long started = System.nanoTime();
            List<Future<Long>> workers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                workers.add(pool.submit(() -> flows(settings, deadline)));
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

    private static long flows(BenchSettings settings, long deadline) throws SQLException {
        try (Connection connection = connect(settings);
                PreparedStatement card = connection.prepareStatement("insert into " + SCHEMA + ".cards"
                        + " (id, user_id, token, brand, last4, holder, expiry_month, expiry_year, added_at)"
                        + " values (?, ?, ?, 'VISA', '4242', 'Ana Lima', 12, 2030, ?)");
                PreparedStatement event = connection.prepareStatement("insert into " + SCHEMA + ".event_log"
                        + " (event_id, event_type, event_version, occurred_at, producer, traceparent, trace_id,"
                        + " payload) values (?, 'CardAdded', 1, ?, 'wallet', ?, ?, ?)");
                PreparedStatement mark = connection.prepareStatement("insert into " + SCHEMA
                        + ".inbox (consumer, event_id) values ('billing', ?) on conflict do nothing");
                PreparedStatement copy = connection.prepareStatement("insert into " + SCHEMA + ".billing_cards"
                        + " (card_id, user_id, token, brand, last4, added_at) values (?, ?, ?, 'VISA', '4242', ?)")) {
            connection.setAutoCommit(false);
            long flows = 0;
            while (System.nanoTime() < deadline) {
                UUID cardId = UUID.randomUUID();
                UUID userId = UUID.randomUUID();
                UUID eventId = UUID.randomUUID();
                String token = "tok_" + cardId;
                Timestamp now = Timestamp.from(Instant.now());
                String traceId = cardId.toString().replace("-", "");
                card.setObject(1, cardId);
                card.setObject(2, userId);
                card.setString(3, token);
                card.setTimestamp(4, now);
                card.executeUpdate();
                event.setObject(1, eventId);
                event.setTimestamp(2, now);
                event.setString(3, "00-" + traceId + "-" + traceId.substring(0, 16) + "-01");
                event.setString(4, traceId);
                event.setString(
                        5,
                        "{\"userId\":\"" + userId + "\",\"cardId\":\"" + cardId + "\",\"token\":\"" + token
                                + "\",\"brand\":\"VISA\",\"last4\":\"4242\",\"expiryMonth\":12,\"expiryYear\":2030}");
                event.executeUpdate();
                connection.commit();
                mark.setObject(1, eventId);
                mark.executeUpdate();
                copy.setObject(1, cardId);
                copy.setObject(2, userId);
                copy.setString(3, token);
                copy.setTimestamp(4, now);
                copy.executeUpdate();
                connection.commit();
                flows++;
            }
            return flows;
        }
    }

    static Connection connect(BenchSettings settings) throws SQLException {
        return DriverManager.getConnection(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
    }

    private static void execute(Connection connection, String... statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
