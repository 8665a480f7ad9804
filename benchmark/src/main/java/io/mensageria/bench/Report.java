package io.mensageria.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The run's results: the headline figures, results.md (the tables of BENCHMARKS.md), results.json and the charts. */
final class Report {

    /** One headline figure beside the limit it is judged against, and its goal. */
    record Figure(String name, double value, String unit, String limitName, double limit, String goal, boolean met) {

        String ratio() {
            return limit > 0 ? String.format("%.2f x %s", value / limit, limitName) : "-";
        }
    }

    private final List<Measurement> limits;
    private final List<Ladder.Result> ladders;
    private final List<Figure> otherFigures;
    private final double serverRssMegabytes;
    private final boolean quick;
    private final Instant startedAt;

    Report(
            List<Measurement> limits,
            List<Ladder.Result> ladders,
            List<Figure> otherFigures,
            double serverRssMegabytes,
            boolean quick,
            Instant startedAt) {
        this.limits = limits;
        this.ladders = ladders;
        this.otherFigures = otherFigures;
        this.serverRssMegabytes = serverRssMegabytes;
        this.quick = quick;
        this.startedAt = startedAt;
    }

    List<Figure> figures() {
        List<Figure> figures = new ArrayList<>();
        double db4 = limit("db-card-added-4");
        double hashes = limit("pbkdf2");
        ladder("card-added").ifPresent(card -> {
            double rate = sustainable(card);
            figures.add(new Figure(
                    "card-added sustainable", rate, "/s", "db limit at 4 clients", db4, ">= 0.25", rate >= 0.25 * db4));
            lastSustainable(card)
                    .ifPresent(step -> figures.add(new Figure(
                            "card-added app CPU per flow",
                            step.cpuMillisPerRequest(),
                            "ms",
                            "",
                            0,
                            "<= 1 ms",
                            step.cpuMillisPerRequest() <= 1)));
            lastSustainable(card)
                    .ifPresent(step -> figures.add(new Figure(
                            "card-added app CPU per flow, JIT compiler's excluded",
                            step.servingMillisPerRequest(),
                            "ms",
                            "",
                            0,
                            "-",
                            true)));
            lastSustainable(card)
                    .ifPresent(step -> figures.addAll(machineCpu("card-added", step, "db limit at 4 clients", db4)));
            if (card.halfRate() != null) {
                double p99 = card.halfRate().http().percentileMillis(99);
                figures.add(new Figure(
                        "card-added HTTP p99 at half the sustainable rate", p99, "ms", "", 0, "<= 20 ms", p99 <= 20));
            }
        });
        ladder("purchase").ifPresent(purchase -> {
            double rate = sustainable(purchase);
            double limit = limit("db-purchase-4");
            figures.add(new Figure(
                    "purchase sustainable", rate, "/s", "db limit at 4 clients", limit, ">= 0.2", rate >= 0.2 * limit));
            lastSustainable(purchase)
                    .ifPresent(step -> figures.add(new Figure(
                            "purchase app CPU per flow", step.cpuMillisPerRequest(), "ms", "", 0, "-", true)));
            lastSustainable(purchase)
                    .ifPresent(step -> figures.addAll(machineCpu("purchase", step, "db limit at 4 clients", limit)));
        });
        for (String name : List.of("sign-in", "registration")) {
            ladder(name).ifPresent(ladder -> {
                double rate = sustainable(ladder);
                figures.add(new Figure(
                        name + " sustainable", rate, "/s", "PBKDF2 rate", hashes, ">= 0.9", rate >= 0.9 * hashes));
            });
        }
        figures.addAll(otherFigures);
        figures.add(new Figure("app JVM resident memory", serverRssMegabytes, "MB", "", 0, "-", true));
        return figures;
    }

    /**
     * The whole machine's CPU per flow, and the rate it would allow were every core busy with flows: the
     * ceiling that the server's CPU, the database's, the broker's, the proxy's and the load generator's
     * together put on the workload, beside the database's own limit.
     */
    private static List<Figure> machineCpu(String workload, Ladder.StepReport step, String limitName, double limit) {
        double millis = step.machineCpuMillisPerRequest();
        double ceiling = millis > 0 ? Runtime.getRuntime().availableProcessors() * 1000 / millis : 0;
        return List.of(
                new Figure(workload + " machine CPU per flow (all processes)", millis, "ms", "", 0, "-", true),
                new Figure(
                        workload + " rate the machine's CPU allows at that cost",
                        ceiling,
                        "/s",
                        limitName,
                        limit,
                        "-",
                        true));
    }

    void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(
                folder.resolve("results.json"),
                ResultsJson.of(limits, figures(), ladders, serverRssMegabytes, quick, startedAt));
        Files.writeString(folder.resolve("results.md"), markdown());
        for (Ladder.Result ladder : ladders) {
            Charts.write(
                    folder.resolve(ladder.workload().name() + "-throughput-latency.png"),
                    ladder.workload().name() + ": latency against offered rate",
                    "offered requests/s",
                    "latency, ms (log)",
                    Charts.throughputLatency(ladder));
            Charts.write(
                    folder.resolve(ladder.workload().name() + "-latency-distribution.png"),
                    ladder.workload().name() + ": HTTP latency distribution per step",
                    "percentile, in nines (1 = p90, 2 = p99, 3 = p99.9, 4 = p99.99)",
                    "latency, ms (log)",
                    Charts.distribution(ladder));
        }
    }

    String table() {
        StringBuilder table = new StringBuilder();
        table.append(String.format("%-50s %14s %28s %10s %5s%n", "figure", "value", "ratio to limit", "goal", "met"));
        for (Figure figure : figures()) {
            table.append(String.format(
                    "%-50s %14s %28s %10s %5s%n",
                    figure.name(),
                    String.format("%.2f %s", figure.value(), figure.unit()),
                    figure.ratio(),
                    figure.goal(),
                    figure.met() ? "yes" : "no"));
        }
        table.append(String.format("%nlimits measured in this run:%n"));
        for (Measurement limit : limits) {
            table.append(String.format(
                    "  %-22s %10.1f %-11s %s%n", limit.name(), limit.perSecond(), limit.unit(), limit.how()));
        }
        return table.toString();
    }

    private String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("Run of ")
                .append(startedAt)
                .append(quick ? " (`--quick`: 8 s steps)" : " (15 s steps)")
                .append(", ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores.\n\n");
        if (quick) {
            md.append(
                    "Measured by the full run only: what tracing and the central log cost, and lookups at 10M rows.\n\n");
        }
        md.append("| Figure | Value | Ratio to its limit | Goal | Met |\n|---|---|---|---|---|\n");
        for (Figure figure : figures()) {
            md.append(String.format(
                    "| %s | %.2f %s | %s | %s | %s |%n",
                    figure.name(),
                    figure.value(),
                    figure.unit(),
                    figure.ratio(),
                    figure.goal(),
                    figure.met() ? "yes" : "no"));
        }
        md.append("\n| Limit (same run) | Rate | How |\n|---|---|---|\n");
        for (Measurement limit : limits) {
            md.append(String.format(
                    "| %s | %.1f %s | %s |%n", limit.name(), limit.perSecond(), limit.unit(), limit.how()));
        }
        for (Ladder.Result ladder : ladders) {
            md.append("\n**")
                    .append(ladder.workload().name())
                    .append("** (sustainable: ")
                    .append(
                            ladder.sustainableRate() == null
                                    ? "none"
                                    : String.format("%.1f/s", ladder.sustainableRate()))
                    .append(")\n\n| Offered/s | OK/s | Errors | HTTP p50 | p99 | p99.9 | End-to-end p50 | p99 |"
                            + " Drain s | Machine CPU ms/req | by process, ms/req | App CPU ms/req | of which JIT |"
                            + " by thread, ms/req | Sustainable |\n"
                            + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            List<Ladder.StepReport> steps = new ArrayList<>(ladder.steps());
            if (ladder.halfRate() != null) {
                steps.add(ladder.halfRate());
            }
            for (Ladder.StepReport step : steps) {
                md.append(String.format(
                        "| %.1f | %.1f | %d | %.1f | %.1f | %.1f | %s | %s | %.1f | %.2f | %s | %.2f | %.2f | %s | %s |%n",
                        step.http().offered(),
                        step.http().acceptedPerSecond(),
                        step.http().errors(),
                        step.http().percentileMillis(50),
                        step.http().percentileMillis(99),
                        step.http().percentileMillis(99.9),
                        step.endToEnd() == null
                                ? "-"
                                : String.format("%.1f", step.endToEnd().p50Millis()),
                        step.endToEnd() == null
                                ? "-"
                                : String.format("%.1f", step.endToEnd().p99Millis()),
                        step.drainSeconds(),
                        step.machineCpuMillisPerRequest(),
                        byProcess(step),
                        step.cpuMillisPerRequest(),
                        step.compilerMillisPerRequest(),
                        byThreads(step),
                        step.sustainable() ? "yes" : "no"));
            }
        }
        return md.toString();
    }

    /** "server 20.10, database 4.00, ...": where the machine's CPU per request went. */
    static String byProcess(Ladder.StepReport step) {
        StringBuilder text = new StringBuilder();
        step.processMillisPerRequest()
                .forEach((part, millis) ->
                        text.append(text.isEmpty() ? "" : ", ").append(String.format("%s %.2f", part, millis)));
        return text.toString();
    }

    /** "HTTP workers 4.10, consumers 3.20, ...": where a step's CPU per request went, the JIT's apart. */
    static String byThreads(Ladder.StepReport step) {
        StringBuilder text = new StringBuilder();
        step.threadMillisPerRequest().forEach((threads, millis) -> {
            if (threads != ProcessStats.Threads.JIT) {
                text.append(text.isEmpty() ? "" : ", ").append(String.format("%s %.2f", threads.label, millis));
            }
        });
        return text.toString();
    }

    private Optional<Ladder.Result> ladder(String name) {
        return ladders.stream().filter(l -> l.workload().name().equals(name)).findFirst();
    }

    private static double sustainable(Ladder.Result ladder) {
        return ladder.sustainableRate() == null ? 0 : ladder.sustainableRate();
    }

    private static Optional<Ladder.StepReport> lastSustainable(Ladder.Result ladder) {
        return ladder.steps().stream().filter(Ladder.StepReport::sustainable).reduce((a, b) -> b);
    }

    private double limit(String name) {
        return limits.stream()
                .filter(l -> l.name().equals(name))
                .mapToDouble(Measurement::perSecond)
                .findFirst()
                .orElse(0);
    }
}
