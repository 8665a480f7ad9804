package io.mensageria.bench;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** results.json: every figure, limit and step of the run, for tools and for comparing runs. */
final class ResultsJson {

    private ResultsJson() {}

    static String of(
            List<Measurement> limits,
            List<Report.Figure> figures,
            List<Ladder.Result> ladders,
            double serverRssMegabytes,
            boolean quick,
            Instant startedAt) {
        JsonArrayBuilder limitsJson = Json.createArrayBuilder();
        limits.forEach(limit -> limitsJson.add(Json.createObjectBuilder()
                .add("name", limit.name())
                .add("perSecond", limit.perSecond())
                .add("unit", limit.unit())
                .add("how", limit.how())));
        JsonArrayBuilder figuresJson = Json.createArrayBuilder();
        figures.forEach(figure -> figuresJson.add(Json.createObjectBuilder()
                .add("name", figure.name())
                .add("value", finite(figure.value()))
                .add("unit", figure.unit())
                .add("limit", figure.limitName())
                .add("limitValue", figure.limit())
                .add("ratio", figure.limit() > 0 ? finite(figure.value() / figure.limit()) : 0)
                .add("goal", figure.goal())
                .add("met", figure.met())));
        JsonArrayBuilder laddersJson = Json.createArrayBuilder();
        for (Ladder.Result ladder : ladders) {
            JsonArrayBuilder steps = Json.createArrayBuilder();
            ladder.steps().forEach(step -> steps.add(step(step)));
            JsonObjectBuilder ladderJson = Json.createObjectBuilder()
                    .add("workload", ladder.workload().name())
                    .add("steps", steps);
            if (ladder.sustainableRate() != null) {
                ladderJson.add("sustainablePerSecond", ladder.sustainableRate());
            }
            if (ladder.halfRate() != null) {
                ladderJson.add("halfSustainable", step(ladder.halfRate()));
            }
            laddersJson.add(ladderJson);
        }
        return pretty(Json.createObjectBuilder()
                .add("startedAt", startedAt.toString())
                .add("quick", quick)
                .add("cores", Runtime.getRuntime().availableProcessors())
                .add("figures", figuresJson)
                .add("limits", limitsJson)
                .add("ladders", laddersJson)
                .add("serverRssMegabytes", serverRssMegabytes)
                .build());
    }

    private static JsonObjectBuilder step(Ladder.StepReport step) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("offeredPerSecond", step.http().offered())
                .add("sent", step.http().sent())
                .add("ok", step.http().ok())
                .add("errors", step.http().errors())
                .add("acceptedPerSecond", step.http().acceptedPerSecond())
                .add("httpP50Millis", finite(step.http().percentileMillis(50)))
                .add("httpP99Millis", finite(step.http().percentileMillis(99)))
                .add("httpP999Millis", finite(step.http().percentileMillis(99.9)))
                .add("drainSeconds", step.drainSeconds())
                .add("machineCpuMillisPerRequest", step.machineCpuMillisPerRequest())
                .add("cpuMillisPerRequestByProcess", byProcess(step))
                .add("appCpuMillisPerRequest", step.cpuMillisPerRequest())
                .add("jitCompilerCpuMillisPerRequest", step.compilerMillisPerRequest())
                .add("cpuMillisPerRequestByThreads", byThreads(step))
                .add("sustainable", step.sustainable());
        if (step.endToEnd() != null) {
            json.add("endToEndP50Millis", finite(step.endToEnd().p50Millis()))
                    .add("endToEndP99Millis", finite(step.endToEnd().p99Millis()))
                    .add("logged", step.endToEnd().logged())
                    .add("processed", step.endToEnd().processed());
        }
        return json;
    }

    private static JsonObjectBuilder byProcess(Ladder.StepReport step) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        step.processMillisPerRequest().forEach(json::add);
        return json;
    }

    private static JsonObjectBuilder byThreads(Ladder.StepReport step) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        step.threadMillisPerRequest()
                .forEach((threads, millis) -> json.add(threads.name().toLowerCase(), millis));
        return json;
    }

    /** A figure that could not be measured (NaN) is written as -1: JSON has no NaN. */
    private static double finite(double value) {
        return Double.isFinite(value) ? value : -1;
    }

    private static String pretty(JsonObject json) {
        StringWriter out = new StringWriter();
        Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(out)
                .write(json);
        return out + "\n";
    }
}
