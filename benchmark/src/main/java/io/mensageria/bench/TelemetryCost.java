package io.mensageria.bench;

import java.net.http.HttpClient;
import java.sql.Connection;
import java.util.Map;

/**
 * What tracing and the central log cost: card-added at one offered rate with both off
 * (MENSAGERIA_TELEMETRY=off: the launcher restarts the server with spans unsampled and no central log),
 * then with both on again. Each is measured the same way, on a server just restarted and warmed up by
 * the same load, so that neither is compared against a server fifteen minutes warmer. The flow is bound
 * by the two cores, so the share of the server's CPU per flow that they take is the share of the
 * sustainable rate they cost.
 */
final class TelemetryCost {

    record Result(double rate, Ladder.StepReport on, Ladder.StepReport off) {

        /** Both steps ran without an error: the comparison means something. */
        boolean valid() {
            return on.http().errors() == 0 && off.http().errors() == 0;
        }

        /**
         * The share of the app JVM's CPU per flow that tracing and the central log take, the JIT
         * compiler's left out: both servers are still compiling, and by different amounts from run to run.
         */
        double cost() {
            return 1 - off.servingMillisPerRequest() / on.servingMillisPerRequest();
        }
    }

    private static final int WARM_UP_STEPS = 2;

    private TelemetryCost() {}

    static Result measure(
            BenchSettings settings, HttpClient client, Connection database, Workload cardAdded, double rate)
            throws Exception {
        Launcher.up(settings, Map.of("MENSAGERIA_TELEMETRY", "off"), "telemetry-off-up");
        Ladder.StepReport off;
        try {
            off = ladder(settings, client, database).warmedStep(cardAdded, rate, WARM_UP_STEPS);
        } finally {
            Launcher.up(settings, Map.of(), "telemetry-on-up");
        }
        Ladder.StepReport on = ladder(settings, client, database).warmedStep(cardAdded, rate, WARM_UP_STEPS);
        return new Result(rate, on, off);
    }

    /** A ladder on the server running now: each restart is a new process. */
    private static Ladder ladder(BenchSettings settings, HttpClient client, Connection database) throws Exception {
        return new Ladder(settings, client, database, ProcessStats.pidOf(settings.serverPidFile()));
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
