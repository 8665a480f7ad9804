package io.mensageria.bench;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * `./mensageria bench`: measures the machine's own limits, then offers each workload at rising constant
 * rates against the stack the launcher started, and writes the results beside each other, so that every
 * figure is judged against a limit measured in the same run.
 */
public final class Benchmark {

    static final int USERS = 20;

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Instant startedAt = Instant.now();
        ExecutorService httpThreads = Executors.newFixedThreadPool(8);
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .executor(httpThreads)
                .build();
        try (Connection database = DatabaseLimit.connect(settings)) {
            section(settings, "Limits of this machine, in this run");
            List<Measurement> limits = new ArrayList<>();
            limits.addAll(DatabaseLimit.measure(settings));
            limits.addAll(BrokerLimit.measure(settings));
            limits.addAll(ProxyLimit.measure(settings, client));
            limits.forEach(
                    limit -> System.out.printf("    %-22s %10.1f %s%n", limit.name(), limit.perSecond(), limit.unit()));

            section(settings, "Open-loop ladders");
            List<Users.User> users = Users.create(client, settings.proxyUrl(), USERS);
            long serverPid = ProcessStats.pidOf(settings.serverPidFile());
            Ladder ladder = new Ladder(settings, client, database, serverPid);
            List<Ladder.Result> results = new ArrayList<>();
            Workload cardAdded = Workload.cardAdded(
                    settings.proxyUrl(),
                    users,
                    List.of(25.0, 50.0, 75.0, 100.0, 125.0, 150.0, 200.0, 300.0, 400.0, 500.0));
            if (settings.profile()) {
                Files.createDirectories(settings.results());
                Path recording = settings.results().resolve("card-added.jfr");
                results.add(Profile.during(serverPid, recording, () -> ladder.climb(cardAdded)));
                Files.writeString(settings.results().resolve("card-added-profile.md"), Profile.summarize(recording));
            } else {
                results.add(ladder.climb(cardAdded));
            }
            List<Double> purchaseRates = List.of(10.0, 20.0, 30.0, 40.0, 60.0, 80.0, 100.0, 150.0);
            List<Users.User> buyers = Buyers.seed(
                    database,
                    settings.data().resolve("secrets/jwt-private.pem"),
                    Ladder.flowsAtMost(purchaseRates, settings.step()));
            results.add(ladder.climb(Workload.purchase(settings.proxyUrl(), buyers.iterator(), purchaseRates)));
            // Measured here and not with the other limits: this machine's speed drifts within minutes, and
            // the ladders this rate paces and judges come right after.
            section(settings, "Limit of the password ladders");
            Measurement hashing = PasswordHashLimit.measure(settings.limitRun());
            limits.add(0, hashing);
            System.out.printf("    %-22s %10.1f %s%n", hashing.name(), hashing.perSecond(), hashing.unit());
            List<Double> hashingRates = fractionsOf(hashing.perSecond(), 0.5, 0.7, 0.8, 0.9, 1.0, 1.2);
            results.add(ladder.climb(Workload.signIn(settings.proxyUrl(), users, hashingRates)));
            results.add(ladder.climb(Workload.registration(settings.proxyUrl(), hashingRates)));

            double rssMegabytes = ProcessStats.rssMegabytes(serverPid);
            List<Report.Figure> figures = new ArrayList<>();

            int backlog = settings.quick() ? 2_000 : 10_000;
            section(
                    settings,
                    String.format("Backlog: %,d card-added flows while the broker is down, then its drain", backlog));
            BacklogDrain.Result drain = BacklogDrain.measure(settings, client, database, cardAdded, backlog);
            System.out.printf(
                    "    %d logged at %.0f/s, %d processed %.1f s after the broker was back%n",
                    drain.logged(), drain.acceptedPerSecond(), drain.processed(), drain.drainSeconds());
            figures.add(BacklogDrain.figure(drain));

            if (settings.quick()) {
                // Four server restarts, each warmed up: about half of a quick run, and 8 s steps compare
                // too coarsely for a share of a few per cent (it swung from -5 to 31 % over quick runs).
                section(settings, "Tracing and the central log: measured by the full run only");
            } else {
                // Half the sustainable rate: a server just restarted and warmed for a minute keeps up with
                // it, where the edge itself needs the fifteen minutes of warmth the ladder had.
                double costRate = results.get(0).sustainableRate() == null
                        ? 25
                        : results.get(0).sustainableRate() / 2;
                section(
                        settings,
                        String.format(
                                "Tracing and the central log: card-added at %.0f/s with them on, off, off, then on",
                                costRate));
                TelemetryCost.Result cost = TelemetryCost.measure(settings, client, database, cardAdded, costRate);
                System.out.print(TelemetryCost.describe(cost));
                figures.add(TelemetryCost.figure(cost));
            }

            section(settings, "Lookups in a central log of synthetic lines");
            LogLookup lookup = new LogLookup(settings, client, database);
            List<LogLookup.Result> lookups = new ArrayList<>();
            for (long rows : settings.quick() ? new long[] {1_000_000} : new long[] {1_000_000, 10_000_000}) {
                LogLookup.Result result = lookup.at(rows);
                System.out.printf(
                        "    %,d rows (%s): trace p50 %.1f ms p99 %.1f ms, search p50 %.1f ms p99 %.1f ms%n",
                        result.rows(),
                        result.fillSeconds() == 0
                                ? "kept from an earlier run"
                                : String.format("filled in %.0f s", result.fillSeconds()),
                        result.traceP50(),
                        result.traceP99(),
                        result.searchP50(),
                        result.searchP99());
                lookups.add(result);
            }
            figures.addAll(LogLookup.figures(lookups));

            Report report = new Report(limits, results, figures, rssMegabytes, settings.quick(), startedAt);
            report.write(settings.results());
            System.out.println();
            System.out.print(report.table());
            System.out.println("\nResults: " + settings.results());
        } finally {
            httpThreads.shutdownNow();
        }
    }

    /** A section's header on the launcher's clock, the seconds since `./mensageria bench` started, as its steps show. */
    private static void section(BenchSettings settings, String title) {
        System.out.printf(
                "==> [%4ds] %s%n",
                Duration.between(settings.launchedAt(), Instant.now()).toSeconds(), title);
    }

    /**
     * Ladder rates at these fractions of a limit, to a tenth: the password routes are bound by the
     * machine's hash rate, and steps of it show how close to it they get, on any machine.
     */
    static List<Double> fractionsOf(double limit, double... fractions) {
        return Arrays.stream(fractions)
                .mapToObj(fraction -> Math.round(limit * fraction * 10) / 10.0)
                .distinct()
                .toList();
    }
}
