package io.mensageria.bench;

import java.net.http.HttpClient;
import java.sql.Connection;
import java.util.Map;

/**
 * What tracing and the central log cost: card-added at one offered rate with both on, then with both
 * off (MENSAGERIA_TELEMETRY=off: the launcher restarts the server with spans unsampled and no central
 * log), then the server is put back as it was. The flow is bound by the two cores, so the share of the
 * server's CPU per flow that they take is the share of the sustainable rate they cost.
 */
final class TelemetryCost {

    record Result(double rate, Ladder.StepReport on, Ladder.StepReport off) {

        /** The share of the app JVM's CPU per flow that tracing and the central log take. */
        double cost() {
            return 1 - off.cpuMillisPerRequest() / on.cpuMillisPerRequest();
        }
    }

    private TelemetryCost() {}

    static Result measure(
            BenchSettings settings, HttpClient client, Connection database, Workload cardAdded, double rate)
            throws Exception {
        Ladder.StepReport on = ladder(settings, client, database).warmedStep(cardAdded, rate);
        Launcher.up(settings, Map.of("MENSAGERIA_TELEMETRY", "off"), "telemetry-off-up");
        try {
            Ladder.StepReport off = ladder(settings, client, database).warmedStep(cardAdded, rate);
            return new Result(rate, on, off);
        } finally {
            Launcher.up(settings, Map.of(), "telemetry-on-up");
        }
    }

    /** A ladder on the server running now: each restart is a new process. */
    private static Ladder ladder(BenchSettings settings, HttpClient client, Connection database) throws Exception {
        return new Ladder(settings, client, database, ProcessStats.pidOf(settings.serverPidFile()));
    }

    static Report.Figure figure(Result result) {
        double percent = result.cost() * 100;
        return new Report.Figure(
                String.format("tracing and central log, share of CPU per flow at %.0f/s", result.rate()),
                percent,
                "%",
                "",
                0,
                "<= 5 %",
                percent <= 5);
    }
}
