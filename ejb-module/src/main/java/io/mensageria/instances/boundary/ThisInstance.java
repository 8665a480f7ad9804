package io.mensageria.instances.boundary;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The application instance this code runs in: its name (MENSAGERIA_INSTANCE_NAME; the launcher says
 * "server" for Payara Server and "instance-k" for Payara Micro, and without it the JVM's "pid@host"
 * keeps instances apart), its HTTP address (MENSAGERIA_INSTANCE_URL, if given) and when it started.
 *
 * <p>Plain static state, read once: log handlers and span exporters run outside any bean.
 */
public final class ThisInstance {

    private static final int MAX_NAME = 100;
    private static final int MAX_ADDRESS = 200;

    private static final Config CONFIG = ConfigProvider.getConfig(ThisInstance.class.getClassLoader());
    private static final String NAME = bounded(
            CONFIG.getOptionalValue("mensageria.instance.name", String.class)
                    .orElseGet(() -> ManagementFactory.getRuntimeMXBean().getName()),
            MAX_NAME);
    private static final Optional<String> HTTP_ADDRESS =
            CONFIG.getOptionalValue("mensageria.instance.url", String.class).map(url -> bounded(url, MAX_ADDRESS));
    private static final Instant STARTED_AT =
            Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());

    private ThisInstance() {}

    public static String name() {
        return NAME;
    }

    public static Optional<String> httpAddress() {
        return HTTP_ADDRESS;
    }

    public static Instant startedAt() {
        return STARTED_AT;
    }

    private static String bounded(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
