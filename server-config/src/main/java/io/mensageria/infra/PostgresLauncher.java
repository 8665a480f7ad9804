package io.mensageria.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * Keeps a real PostgreSQL alive for the default stack: real server binaries from Maven, kept alive
 * by this small host process (README, "What `up` starts, and where").
 *
 * <p>Usage: {@code PostgresLauncher [port] [dataDir]}, or {@code -Dmensageria.db.port} /
 * {@code -Dmensageria.db.data}; defaults 55432 and var/postgres. {@code -Dmensageria.db.bin} moves
 * the unpacked server binaries (default: java.io.tmpdir/embedded-pg, shared by every launcher).
 * Prints {@value #READY} once the database {@value #DATABASE} accepts connections; SIGTERM stops
 * PostgreSQL cleanly. Any start failure exits with status 1.
 */
public final class PostgresLauncher {

    static final String READY = "MENSAGERIA POSTGRES READY";
    static final String DATABASE = "mensageria";

    private PostgresLauncher() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(arg(args, 0, "mensageria.db.port", "55432"));
        Path data = Path.of(arg(args, 1, "mensageria.db.data", "var/postgres")).toAbsolutePath();
        File binaries = new File(System.getProperty(
                "mensageria.db.bin", new File(System.getProperty("java.io.tmpdir"), "embedded-pg").getPath()));
        long started = System.nanoTime();

        EmbeddedPostgres postgres = start(port, data, binaries);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(postgres, stopped), "postgres-shutdown"));

        System.out.printf(
                "%s 127.0.0.1:%d/%s %s in %d ms%n",
                READY, port, DATABASE, data, (System.nanoTime() - started) / 1_000_000);
        System.out.flush();
        stopped.await();
    }

    private static String arg(String[] args, int index, String property, String fallback) {
        return args.length > index ? args[index] : System.getProperty(property, fallback);
    }

    private static EmbeddedPostgres start(int port, Path data, File binaries) {
        Path passwordFile = null;
        try {
            DatabaseRoles.Passwords passwords = DatabaseRoles.Passwords.fromEnvironment();
            Files.createDirectories(data);
            UnpackedBinaries.removeIncomplete(binaries);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (!Files.exists(data.resolve("PG_VERSION"))) {
                // A new cluster starts with password authentication and the superuser's password: it is
                // never open, not even for the moment between initdb and the first ALTER ROLE.
                passwordFile = Files.createTempFile("mensageria-pg", ".pw");
                Files.writeString(passwordFile, passwords.superuser());
                builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", passwordFile.toString());
            }
            EmbeddedPostgres postgres = builder.setConnectConfig("password", passwords.superuser())
                    .setOverrideWorkingDirectory(binaries)
                    .setPort(port)
                    .setDataDirectory(data)
                    // keep the data: restarts on the same folder are the normal case, not a test fixture
                    .setCleanDataDirectory(false)
                    // everything but nginx binds loopback only
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // XA, should a pool be switched to it, needs prepared transactions
                    .setServerConfig("max_prepared_transactions", "64")
                    // zonky runs with -F and synchronous_commit=off (test speed); the event log promises
                    // nothing lost after commit, and a host crash must not corrupt the cluster
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            createDatabaseIfMissing(postgres);
            DatabaseRoles.apply(
                    postgres.getPostgresDatabase(),
                    postgres.getDatabase("postgres", DATABASE),
                    passwords,
                    data,
                    DATABASE);
            return postgres;
        } catch (Exception | Error e) {
            // zonky's own shutdown hook stops a postmaster it did start; threads must not keep us alive
            System.err.println("postgres did not start: " + e);
            e.printStackTrace();
            System.exit(1);
            return null;
        } finally {
            deleteQuietly(passwordFile);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (java.io.IOException e) {
                System.err.println("could not delete " + file + ": " + e);
            }
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("create database " + DATABASE);
            }
        }
    }

    // close() runs "pg_ctl stop -m fast": a clean shutdown, so the next start needs no recovery.
    // zonky registers the same close() as its own hook; close() runs once, and the JVM waits for both.
    private static void stop(EmbeddedPostgres postgres, CountDownLatch stopped) {
        try {
            postgres.close();
        } catch (Exception e) {
            System.err.println("postgres stop failed: " + e);
        } finally {
            stopped.countDown();
        }
    }
}
