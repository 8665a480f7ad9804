package io.mensageria.bench;

import java.net.http.HttpClient;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What tracing and the central log cost: card-added at one offered rate with both on, then off twice
 * (MENSAGERIA_TELEMETRY=off: the launcher restarts the server with spans unsampled and no central log),
 * then on again. Each phase runs on a server just restarted and warmed up by the same load, so that
 * none is compared against a server fifteen minutes warmer; and the order on, off, off, on gives both
 * settings the same mean position, so that the machine's drift over those minutes (the database still
 * vacuuming after the ladders, a neighbour's load) weighs on both alike. Measured once each, off then
 * on, the setting measured first came out the dearer by 14-29 %. The flow is bound by the two cores, so
 * the share of the server's CPU per flow that they take is the share of the sustainable rate they cost.
 */
final class TelemetryCost {

    /** One server's measured step, with tracing and the central log on or off. */
    record Phase(boolean telemetry, Ladder.StepReport step) {}

    record Result(double rate, List<Phase> phases) {

        /** Every step ran without an error: the comparison means something. */
        boolean valid() {
            return phases.stream().allMatch(phase -> phase.step().http().errors() == 0);
        }

        /**
         * The share of the app JVM's CPU per flow that tracing and the central log take, the JIT
         * compiler's left out: the servers are still compiling, and by different amounts from run to run.
         */
        double cost() {
            return 1 - servingMillis(false) / servingMillis(true);
        }

        /** The mean CPU per flow, without the JIT, of the phases with telemetry on or off. */
        double servingMillis(boolean telemetry) {
            return phases.stream()
                    .filter(phase -> phase.telemetry() == telemetry)
                    .mapToDouble(phase -> phase.step().servingMillisPerRequest())
                    .average()
                    .orElse(Double.NaN);
        }
    }

    private static final List<Boolean> ORDER = List.of(true, false, false, true);
    private static final int WARM_UP_STEPS = 2;

    private TelemetryCost() {}

    static Result measure(
            BenchSettings settings, HttpClient client, Connection database, Workload cardAdded, double rate)
            throws Exception {
        List<Phase> phases = new ArrayList<>();
        boolean running = true;
        try {
            for (boolean telemetry : ORDER) {
                running = telemetry;
                // A restart each time: `up` alone would keep a server whose settings did not change, and
                // the first phase would measure the ladders' warm server against cold ones.
                Launcher.restartServer(settings, variables(telemetry), "telemetry-" + (phases.size() + 1) + "-up");
                // Each restart is a new process.
                Ladder ladder = new Ladder(settings, client, database, ProcessStats.pidOf(settings.serverPidFile()));
                phases.add(new Phase(telemetry, ladder.warmedStep(cardAdded, rate, WARM_UP_STEPS)));
            }
        } finally {
            if (!running) {
                // Whatever failed, the measurements after this one need the server as it normally runs.
                Launcher.up(settings, variables(true), "telemetry-on-again-up");
            }
        }
        return new Result(rate, phases);
    }

    private static Map<String, String> variables(boolean telemetry) {
        return telemetry ? Map.of() : Map.of("MENSAGERIA_TELEMETRY", "off");
    }

    /** Each phase's CPU per flow in the order measured, then the cost. */
    static String describe(Result result) {
        StringBuilder lines = new StringBuilder();
        for (Phase phase : result.phases()) {
            lines.append(String.format(
                    "    %-3s CPU per flow %.2f ms, %.2f of it JIT, %d errors (%s)%n",
                    phase.telemetry() ? "on" : "off",
                    phase.step().cpuMillisPerRequest(),
                    phase.step().compilerMillisPerRequest(),
                    phase.step().http().errors(),
                    Report.byThreads(phase.step())));
        }
        lines.append(String.format(
                "    cost: %.1f %% of the CPU per flow without the JIT (%.2f ms on, %.2f ms off)%n",
                result.cost() * 100, result.servingMillis(true), result.servingMillis(false)));
        return lines.toString();
    }

    static Report.Figure figure(Result result) {
        double percent = result.valid() ? result.cost() * 100 : Double.NaN;
        return new Report.Figure(
                String.format("tracing and central log, share of CPU per flow at %.0f/s", result.rate()),
                percent,
                "%",
                "",
                0,
                "<= 5 %",
                result.valid() && percent <= 5);
    }
}
