package io.mensageria.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The big central logs the lookups read, kept between runs in the bench's own database: filling ten
 * million lines through the table's indexes takes minutes, far longer than measuring them. Each size is
 * a table of its own in schema {@value #SCHEMA}, made like {@code platform.log_entries}; a measurement
 * swaps it in under that name and back out afterwards (renames: no row moves). A table is filled again
 * when it is missing, or when the live table's columns or indexes, or the fill itself, changed since it
 * was filled.
 *
 * <p>The synthetic lines: ten per trace, six services, spread evenly over the six days before the hour
 * of the fill; line {@code i} belongs to trace {@code md5('bench-' || i / 10)} ({@link LogLookup#traceId}).
 */
final class SyntheticLogs {

    static final String SCHEMA = "bench_log";
    static final Duration SPREAD = Duration.ofDays(6);
    static final int LINES_PER_TRACE = 10;

    /** Raise it whenever the fill writes other lines than before, so that tables filled before are filled again. */
    private static final int FILL_VERSION = 1;

    private static final String[] SERVICES = {
        "accounts", "wallet", "subscriptions", "billing", "notifications", "platform"
    };

    /**
     * One kept log: its lines end at {@code end}; its ids are 1 to {@code rows}, and any above are live
     * lines the application wrote while it was swapped in; a fill of 0 s: kept from an earlier run.
     */
    record Table(String name, long rows, Instant end, double fillSeconds) {}

    private final Connection database;

    /** {@code database}: the owner's connection, which may create, rename and drop tables. */
    SyntheticLogs(Connection database) {
        this.database = database;
    }

    /** The kept log of {@code rows} lines, filled now if no usable one is kept. */
    Table prepare(long rows) throws SQLException {
        String name = "entries_" + rows;
        String shape = shape();
        DatabaseLimit.execute(
                database,
                "create schema if not exists " + SCHEMA,
                "create table if not exists " + SCHEMA + ".fills ("
                        + "table_name text primary key, shape text not null, ends_at timestamptz not null)");
        try (PreparedStatement kept = database.prepareStatement("select ends_at from " + SCHEMA
                + ".fills where table_name = ? and shape = ? and to_regclass(? || '.' || table_name) is not null")) {
            kept.setString(1, name);
            kept.setString(2, shape);
            kept.setString(3, SCHEMA);
            try (ResultSet row = kept.executeQuery()) {
                if (row.next()) {
                    return new Table(name, rows, row.getTimestamp(1).toInstant(), 0);
                }
            }
        }
        long started = System.nanoTime();
        Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
        fill(name, rows, end);
        try (PreparedStatement record = database.prepareStatement("insert into " + SCHEMA + ".fills values (?, ?, ?)"
                + " on conflict (table_name) do update set shape = excluded.shape, ends_at = excluded.ends_at")) {
            record.setString(1, name);
            record.setString(2, shape);
            record.setTimestamp(3, Timestamp.from(end));
            record.executeUpdate();
        }
        return new Table(name, rows, end, (System.nanoTime() - started) / 1e9);
    }

    /** Runs {@code measurement} with {@code table} serving as the central log, then puts the live log back. */
    <T> T swappedIn(Table table, Measured<T> measurement) throws Exception {
        inOneTransaction(
                "alter table platform.log_entries rename to log_entries_live",
                "alter table " + SCHEMA + "." + table.name() + " set schema platform",
                "alter table platform." + table.name() + " rename to log_entries");
        try {
            return measurement.run();
        } finally {
            // What the application logged meanwhile belongs to the live log.
            inOneTransaction(
                    "alter table platform.log_entries set schema " + SCHEMA,
                    "alter table " + SCHEMA + ".log_entries rename to " + table.name(),
                    "alter table platform.log_entries_live rename to log_entries",
                    "insert into platform.log_entries"
                            + " (timestamp, service, level, logger, message, trace_id, span_id, event_id, instance)"
                            + " select timestamp, service, level, logger, message, trace_id, span_id, event_id, instance"
                            + " from " + SCHEMA + "." + table.name() + " where id > " + table.rows(),
                    "delete from " + SCHEMA + "." + table.name() + " where id > " + table.rows());
        }
    }

    /** A measurement that may fail. */
    interface Measured<T> {
        T run() throws Exception;
    }

    /**
     * Everything in the database but the kept logs dropped, so that Flyway builds the application's
     * schemas afresh at deployment, as in a new database.
     */
    static void dropAllButKeptLogs(Connection database) throws SQLException {
        try (Statement statement = database.createStatement()) {
            statement.execute("do $$ declare item record; begin"
                    + " for item in select nspname from pg_namespace where nspowner = current_user::regrole"
                    + "   and nspname not in ('public', '" + SCHEMA + "') loop"
                    + "   execute format('drop schema %I cascade', item.nspname);"
                    + " end loop;"
                    + " for item in select tablename from pg_tables where schemaname = 'public' loop"
                    + "   execute format('drop table public.%I cascade', item.tablename);"
                    + " end loop;"
                    + " end $$");
        }
    }

    private void fill(String name, long rows, Instant end) throws SQLException {
        String table = SCHEMA + "." + name;
        // A new table, so that its identity hands out 1 to rows.
        DatabaseLimit.execute(
                database,
                "drop table if exists " + table,
                "create table " + table + " (like platform.log_entries including all)");
        // Through the table's indexes, as the central log's writer adds its lines.
        try (PreparedStatement insert = database.prepareStatement(
                "insert into " + table + " (timestamp, service, level, logger, message, trace_id, span_id)" + """
                 select ?::timestamptz - ? * interval '1 second' + i * (? * interval '1 second' / ?),
                        (?::text[])[1 + (i % 6)::int],
                        case when i % 50 = 0 then 'WARN' else 'INFO' end,
                        'io.mensageria.bench.SyntheticLine',
                        'synthetic line ' || i,
                        md5('bench-' || (i / ?)),
                        substr(md5(i::text), 1, 16)
                 from generate_series(0, ?::bigint) i""")) {
            insert.setString(1, end.toString());
            insert.setLong(2, SPREAD.toSeconds());
            insert.setLong(3, SPREAD.toSeconds());
            insert.setLong(4, rows);
            insert.setArray(5, database.createArrayOf("text", SERVICES));
            insert.setInt(6, LINES_PER_TRACE);
            insert.setLong(7, rows - 1);
            insert.executeUpdate();
        }
        // As after any bulk load: statistics for the planner, and the new rows' visibility settled once
        // here, not by the first queries that read them (hint bits) or an autovacuum during the measurement.
        DatabaseLimit.execute(database, "vacuum (analyze) " + table);
    }

    /** What makes a kept table stale: the live table's columns and indexes, and the fill's version. */
    private String shape() throws SQLException {
        try (Statement statement = database.createStatement();
                ResultSet row = statement.executeQuery("""
                        select md5(
                            (select string_agg(attname || ' ' || format_type(atttypid, atttypmod)
                                               || case when attnotnull then ' not null' else '' end, ', ' order by attnum)
                             from pg_attribute
                             where attrelid = 'platform.log_entries'::regclass and attnum > 0 and not attisdropped)
                            || ' | ' ||
                            (select string_agg(definition, ', ' order by definition)
                             from (select substring(pg_get_indexdef(indexrelid) from ' USING .*') as definition
                                   from pg_index where indrelid = 'platform.log_entries'::regclass) indexes))""")) {
            row.next();
            return "fill " + FILL_VERSION + " " + row.getString(1);
        }
    }

    private void inOneTransaction(String... statements) throws SQLException {
        database.setAutoCommit(false);
        try {
            DatabaseLimit.execute(database, statements);
            database.commit();
        } catch (SQLException e) {
            database.rollback();
            throw e;
        } finally {
            database.setAutoCommit(true);
        }
    }
}
