package io.mensageria.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Who may connect to the embedded PostgreSQL, and with what rights. Password (scram) authentication
 * over loopback and nothing else; three roles, each with a generated password:
 *
 * <ul>
 *   <li>{@code postgres}, the superuser, used by nobody but this launcher;
 *   <li>{@value #OWNER}, owner of the database and of every schema and table in it: Flyway's migrations;
 *   <li>{@value #APP}, the application: reads and writes rows, creates and alters nothing.
 * </ul>
 *
 * Applied at every start, so that a data folder made before (when every local connection was trusted
 * as superuser) is brought to the same state: its objects change owner, its trust lines go.
 */
final class DatabaseRoles {

    static final String OWNER = "mensageria_owner";
    static final String APP = "mensageria_app";

    private static final String HBA = """
            # Written by Mensageria's PostgresLauncher at every start: passwords (scram), loopback only.
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128      scram-sha-256
            """;

    record Passwords(String superuser, String owner, String app) {

        static Passwords fromEnvironment() {
            return new Passwords(
                    required("MENSAGERIA_DB_SUPERUSER_PASSWORD"),
                    required("MENSAGERIA_DB_OWNER_PASSWORD"),
                    required("MENSAGERIA_DB_APP_PASSWORD"));
        }

        private static String required(String name) {
            String value = System.getenv(name);
            if (value == null || value.isBlank()) {
                throw new IllegalStateException(name + " is not set");
            }
            return value;
        }
    }

    private DatabaseRoles() {}

    /** As the superuser, on the server's maintenance database; then on the application's database. */
    static void apply(
            DataSource server, DataSource applicationDatabase, Passwords passwords, Path data, String database)
            throws SQLException, IOException {
        try (Connection connection = server.getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("alter role postgres password " + literal(passwords.superuser()));
            for (String role : new String[] {OWNER, APP}) {
                sql.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + role
                        + "') then create role " + role + " login; end if; end $$");
            }
            sql.execute("alter role " + OWNER + " password " + literal(passwords.owner()));
            sql.execute("alter role " + APP + " password " + literal(passwords.app()));
            sql.execute("alter database " + database + " owner to " + OWNER);
            sql.execute("revoke all on database " + database + " from public");
            sql.execute("grant connect, temporary on database " + database + " to " + APP);
        }
        try (Connection connection = applicationDatabase.getConnection();
                Statement sql = connection.createStatement()) {
            // Objects a trusted superuser created before: the owner's now, so that its migrations may alter them.
            sql.execute("do $$ declare item record; begin"
                    + " for item in select nspname from pg_namespace where nspowner = 'postgres'::regrole"
                    + "   and nspname not like 'pg\\_%' and nspname not in ('information_schema', 'public') loop"
                    + "   execute format('alter schema %I owner to " + OWNER + "', item.nspname);"
                    + " end loop;"
                    + " for item in select schemaname, tablename from pg_tables where tableowner = 'postgres'"
                    + "   and schemaname not in ('pg_catalog', 'information_schema') loop"
                    + "   execute format('alter table %I.%I owner to " + OWNER + "', item.schemaname, item.tablename);"
                    + " end loop;"
                    + " end $$");
            // What the owner creates, now and later, the application may use, and no more.
            sql.execute("alter default privileges for role " + OWNER + " grant usage on schemas to " + APP);
            sql.execute("alter default privileges for role " + OWNER
                    + " grant select, insert, update, delete on tables to " + APP);
            sql.execute("alter default privileges for role " + OWNER + " grant usage, select on sequences to " + APP);
            sql.execute("do $$ declare item record; begin"
                    + " for item in select nspname from pg_namespace where nspowner = '" + OWNER + "'::regrole loop"
                    + "   execute format('grant usage on schema %I to " + APP + "', item.nspname);"
                    + "   execute format('grant select, insert, update, delete on all tables in schema %I to " + APP
                    + "', item.nspname);"
                    + "   execute format('grant usage, select on all sequences in schema %I to " + APP
                    + "', item.nspname);"
                    + " end loop;"
                    + " end $$");
        }
        Files.writeString(data.resolve("pg_hba.conf"), HBA);
        try (Connection connection = server.getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("select pg_reload_conf()");
        }
    }

    /** A string literal for DDL, which takes no parameters. */
    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
