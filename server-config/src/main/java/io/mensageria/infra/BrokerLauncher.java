package io.mensageria.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.apache.activemq.broker.BrokerFactory;
import org.apache.activemq.broker.BrokerService;

/**
 * Runs the ActiveMQ broker as its own process, from an XML file.
 *
 * <p>A separate process, not the resource adapter's embedded broker: only a broker with its XML
 * configuration can take the redelivery plugin, the scheduler and per-queue dead-letter policies
 * (README, "The flows": quick retries, then delayed rounds, then the dead-letter queue). Values such as the port come
 * from system properties, resolved by the placeholder configurer inside the XML.
 *
 * <p>Usage: {@code java -Dmensageria.broker.port=.. -Dmensageria.broker.data=.. ... BrokerLauncher activemq.xml}.
 * Prints {@value #READY} once it accepts connections; SIGTERM stops it cleanly (exit 0).
 */
public final class BrokerLauncher {

    static final String READY = "MENSAGERIA BROKER READY";

    private BrokerLauncher() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: BrokerLauncher <path/to/activemq.xml>");
            System.exit(2);
        }
        Path config = Path.of(args[0]).toAbsolutePath();
        if (!Files.isReadable(config)) {
            System.err.println("broker config not readable: " + config);
            System.exit(2);
        }
        RetrySchedule retries = RetrySchedule.from(System.getenv());
        // The XML's placeholders read system properties; a -D given on the command line still wins.
        retries.brokerProperties().forEach((name, value) -> {
            if (System.getProperty(name) == null) {
                System.setProperty(name, value);
            }
        });
        System.out.println("Redelivery: " + retries);
        long started = System.nanoTime();
        BrokerService broker = start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(broker), "broker-shutdown"));
        System.out.printf("%s %s in %d ms%n", READY, connectorUris(broker), (System.nanoTime() - started) / 1_000_000);
        System.out.flush();
        broker.waitUntilStopped();
    }

    // A failed start (port taken, bad config, missing password) must end the process with status 1:
    // threads the half-started broker left behind would otherwise keep the JVM alive.
    private static BrokerService start(Path config) {
        try {
            // createBroker also starts it (xbean's start="true" default); start() again is a no-op.
            BrokerService broker = BrokerFactory.createBroker("xbean:file:" + config);
            broker.start();
            if (broker.waitUntilStarted()) {
                return broker;
            }
            System.err.println("broker did not start: " + broker.getStartException());
        } catch (Exception e) {
            System.err.println("broker did not start: " + e);
        }
        System.exit(1);
        return null;
    }

    // The configured URIs (tcp://127.0.0.1:port), without options: what clients should be given.
    private static String connectorUris(BrokerService broker) {
        return broker.getTransportConnectors().stream()
                .map(c -> String.valueOf(c.getUri()).replaceFirst("\\?.*$", ""))
                .collect(Collectors.joining(","));
    }

    // Runs on SIGTERM/SIGINT (BrokerService's own hook may get there first; stop() is idempotent and
    // this one waits for the end). A clean stop closes KahaDB and the scheduler store, so the next start
    // needs no recovery and scheduled redeliveries survive (measured: they do across restarts).
    private static void stop(BrokerService broker) {
        try {
            broker.stop();
            broker.waitUntilStopped();
        } catch (Exception e) {
            System.err.println("broker stop failed: " + e);
        }
    }
}
