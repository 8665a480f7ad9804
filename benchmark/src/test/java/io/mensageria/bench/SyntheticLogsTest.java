package io.mensageria.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The kept logs against a real PostgreSQL whose schema is the application's own migrations, used by
 * the owner role, as `./mensageria bench` uses them.
 */
class SyntheticLogsTest {

    private static final String MIGRATIONS = "filesystem:../ejb-module/src/main/resources/db/migration";

    private static EmbeddedPostgres postgres;
    private Connection database;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
                Statement sql = admin.createStatement()) {
            sql.execute("create role mensageria_owner login password 'owner'");
            sql.execute("create database mensageria owner mensageria_owner");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void migrate() throws SQLException {
        String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/mensageria";
        database = DriverManager.getConnection(url, "mensageria_owner", "owner");
        SyntheticLogs.dropAllButKeptLogs(database);
        Flyway.configure()
                .dataSource(url, "mensageria_owner", "owner")
                .locations(MIGRATIONS)
                .load()
                .migrate();
    }

    @AfterEach
    void close() throws SQLException {
        database.close();
    }

    @Test
    void aLogIsFilledOnceThenKeptAndItsTraceIdsAreTheLookupsOwn() throws Exception {
        SyntheticLogs logs = new SyntheticLogs(database);
        SyntheticLogs.Table filled = logs.prepare(1_000);
        SyntheticLogs.Table kept = logs.prepare(1_000);

        assertTrue(filled.fillSeconds() > 0, "the first prepare fills");
        assertEquals(0, kept.fillSeconds(), "the second finds it kept");
        assertEquals(filled.end(), kept.end());
        assertEquals(1_000, count(SyntheticLogs.SCHEMA + ".entries_1000"));
        assertEquals(
                "1 1000",
                single("select min(id) || ' ' || max(id) from " + SyntheticLogs.SCHEMA + ".entries_1000"),
                "ids 1 to rows: the swap moves back what is above them");
        assertEquals(
                LogLookup.traceId(42),
                single("select trace_id from " + SyntheticLogs.SCHEMA
                        + ".entries_1000 where message = 'synthetic line 425'"));
    }

    @Test
    void aSwappedInLogServesAsTheCentralLogAndWhatWasWrittenMeanwhileGoesToTheLiveOne() throws Exception {
        execute("insert into platform.log_entries (timestamp, service, level, logger, message)"
                + " values (now(), 'wallet', 'INFO', 'test', 'before the swap')");
        SyntheticLogs logs = new SyntheticLogs(database);
        SyntheticLogs.Table table = logs.prepare(500);

        long seen = logs.swappedIn(table, () -> {
            execute("insert into platform.log_entries (timestamp, service, level, logger, message)"
                    + " values (now(), 'billing', 'INFO', 'test', 'during the swap')");
            return count("platform.log_entries");
        });

        assertEquals(501, seen);
        assertEquals(List.of("before the swap", "during the swap"), messages("platform.log_entries"));
        assertEquals(500, count(SyntheticLogs.SCHEMA + ".entries_500"));
        assertEquals(0, logs.prepare(500).fillSeconds(), "still kept after the swap");
    }

    @Test
    void aLogIsFilledAgainWhenTheCentralLogsIndexesChanged() throws Exception {
        SyntheticLogs logs = new SyntheticLogs(database);
        logs.prepare(200);
        execute("create index log_entries_level on platform.log_entries (level)");

        SyntheticLogs.Table refilled = logs.prepare(200);

        assertNotEquals(0, refilled.fillSeconds());
        assertEquals(
                1,
                count("pg_indexes where schemaname = '" + SyntheticLogs.SCHEMA
                        + "' and tablename = 'entries_200' and indexdef like '%(level)%'"));
    }

    @Test
    void everythingButTheKeptLogsIsDroppedForAFreshRun() throws Exception {
        new SyntheticLogs(database).prepare(100);
        execute("insert into platform.log_entries (timestamp, service, level, logger, message)"
                + " values (now(), 'wallet', 'INFO', 'test', 'an earlier run')");

        SyntheticLogs.dropAllButKeptLogs(database);

        assertNull(single("select to_regclass('platform.log_entries')::text"));
        assertNull(single("select to_regclass('public.flyway_schema_history')::text"));
        assertEquals(100, count(SyntheticLogs.SCHEMA + ".entries_100"));
    }

    private long count(String from) throws SQLException {
        return Long.parseLong(single("select count(*) from " + from));
    }

    private String single(String query) throws SQLException {
        try (Statement sql = database.createStatement();
                ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }

    private List<String> messages(String table) throws SQLException {
        List<String> messages = new ArrayList<>();
        try (Statement sql = database.createStatement();
                ResultSet rows = sql.executeQuery("select message from " + table + " order by id")) {
            while (rows.next()) {
                messages.add(rows.getString(1));
            }
        }
        return messages;
    }

    private void execute(String statement) throws SQLException {
        try (Statement sql = database.createStatement()) {
            sql.execute(statement);
        }
    }
}
