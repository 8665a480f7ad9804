package io.mensageria.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Offers a workload at rising constant rates until a step is not sustainable: an error, an HTTP or
 * end-to-end p99 of a second or more, or a backlog still there {@link #DRAIN} after the step. The highest
 * sustainable step is the workload's sustainable rate; one more step at half of it shows the latency
 * of a system that is not at its limit.
 */
final class Ladder {

    static final Duration DRAIN = Duration.ofSeconds(5);
    static final double MAX_P99_MILLIS = 1000;

    record StepReport(
            OpenLoop.Step http,
            EndToEnd endToEnd,
            double drainSeconds,
            double cpuMillisPerRequest,
            Map<ProcessStats.Threads, Double> threadMillisPerRequest,
            // The whole machine's: the server, PostgreSQL, the broker, nginx, this load generator, the kernel.
            double machineCpuMillisPerRequest,
            // The machine's by part of the stack (StackProcesses), and "rest": the kernel's and other processes'.
            Map<String, Double> processMillisPerRequest,
            boolean sustainable) {

        double compilerMillisPerRequest() {
            return threadMillisPerRequest.getOrDefault(ProcessStats.Threads.JIT, 0.0);
        }

        /** The server's CPU per request without its JIT compiler's: what serving the request itself cost. */
        double servingMillisPerRequest() {
            return cpuMillisPerRequest - compilerMillisPerRequest();
        }
    }

    record Result(Workload workload, List<StepReport> steps, Double sustainableRate, StepReport halfRate) {}

    private final BenchSettings settings;
    private final HttpClient client;
    private final Connection database;
    private final long serverPid;
    private final StackProcesses stack;

    Ladder(BenchSettings settings, HttpClient client, Connection database, long serverPid) throws IOException {
        this.settings = settings;
        this.client = client;
        this.database = database;
        this.serverPid = serverPid;
        this.stack = StackProcesses.of(settings, serverPid);
    }

    Result climb(Workload workload) throws Exception {
        // A fresh server compiles its hot paths in the first seconds of load: that is not the steps' cost.
        System.out.printf(
                "    %-12s warming up at %.0f/s%n",
                workload.name(), workload.rates().get(0));
        OpenLoop.run(client, workload.rates().get(0), settings.step(), workload.flows());
        List<StepReport> steps = new ArrayList<>();
        Double sustainable = null;
        for (double rate : workload.rates()) {
            StepReport step = step(workload, rate);
            steps.add(step);
            System.out.printf(
                    "    %-12s %7.1f/s offered, %7.1f/s ok, %d errors, HTTP p99 %.1f ms%s%s%n",
                    workload.name(),
                    rate,
                    step.http().acceptedPerSecond(),
                    step.http().errors(),
                    step.http().percentileMillis(99),
                    step.endToEnd() == null
                            ? ""
                            : String.format(
                                    ", end-to-end p99 %.1f ms", step.endToEnd().p99Millis()),
                    step.sustainable() ? "" : "  (not sustainable)");
            if (!step.sustainable()) {
                break;
            }
            sustainable = rate;
        }
        StepReport half = sustainable == null ? null : step(workload, sustainable / 2);
        return new Result(workload, steps, sustainable, half);
    }

    /** The most flows a climb of these rates can offer: the warm-up, every step, and the half-rate step. */
    static long flowsAtMost(List<Double> rates, Duration step) {
        double total = rates.get(0)
                + rates.stream().mapToDouble(Double::doubleValue).sum()
                + rates.stream().mapToDouble(Double::doubleValue).max().orElse(0) / 2;
        // Each step rounds its count up by one at most.
        return (long) Math.ceil(total * step.toNanos() / 1e9) + rates.size() + 2;
    }

    /** One step at this rate after warm-up steps at the same rate (a server just started is still compiling). */
    StepReport warmedStep(Workload workload, double rate, int warmUpSteps) throws Exception {
        for (int i = 0; i < warmUpSteps; i++) {
            OpenLoop.run(client, rate, settings.step(), workload.flows());
        }
        return step(workload, rate);
    }

    private StepReport step(Workload workload, double rate) throws Exception {
        double machineBefore = ProcessStats.machineBusySeconds();
        Map<String, Double> processesBefore = stack.cpuSeconds();
        double cpuBefore = ProcessStats.cpuSeconds(serverPid);
        Map<ProcessStats.Threads, Double> threadsBefore = ProcessStats.cpuSecondsByThreads(serverPid);
        OpenLoop.Step http = OpenLoop.run(client, rate, settings.step(), workload.flows());
        EndToEnd endToEnd = null;
        double drainSeconds = 0;
        if (workload.hasEndToEnd()) {
            Instant drainStart = Instant.now();
            endToEnd = EndToEnd.afterDrain(database, workload, http.start(), http.end(), Duration.ofSeconds(60));
            drainSeconds = Duration.between(drainStart, Instant.now()).toMillis() / 1000.0;
        }
        long requests = Math.max(1, http.ok());
        double cpuMillis = (ProcessStats.cpuSeconds(serverPid) - cpuBefore) * 1000 / requests;
        double machineMillis = (ProcessStats.machineBusySeconds() - machineBefore) * 1000 / requests;
        Map<String, Double> processMillis = new LinkedHashMap<>();
        stack.cpuSeconds()
                .forEach((part, seconds) -> processMillis.put(
                        part, Math.max(0, seconds - processesBefore.getOrDefault(part, 0.0)) * 1000 / requests));
        double parts =
                processMillis.values().stream().mapToDouble(Double::doubleValue).sum();
        processMillis.put("rest", Math.max(0, machineMillis - parts));
        Map<ProcessStats.Threads, Double> threadMillis = new EnumMap<>(ProcessStats.Threads.class);
        ProcessStats.cpuSecondsByThreads(serverPid)
                .forEach((threads, seconds) -> threadMillis.put(
                        threads, Math.max(0, seconds - threadsBefore.getOrDefault(threads, 0.0)) * 1000 / requests));
        // A thread that ended during the step took its time out of its group's sum: it counts as other.
        double named = threadMillis.entrySet().stream()
                .filter(entry -> entry.getKey() != ProcessStats.Threads.OTHER)
                .mapToDouble(Map.Entry::getValue)
                .sum();
        threadMillis.put(ProcessStats.Threads.OTHER, Math.max(0, cpuMillis - named));
        boolean sustainable = http.errors() == 0
                && http.percentileMillis(99) < MAX_P99_MILLIS
                && (endToEnd == null
                        || endToEnd.drained()
                                && drainSeconds <= DRAIN.toSeconds()
                                && endToEnd.p99Millis() < MAX_P99_MILLIS);
        Thread.sleep(1000);
        return new StepReport(
                http, endToEnd, drainSeconds, cpuMillis, threadMillis, machineMillis, processMillis, sustainable);
    }
}
