package io.mensageria.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stack's processes by what they are, each with all its descendants (PostgreSQL's launcher, its
 * postmaster and backends; nginx's master and workers): the CPU each part of the stack spends on a
 * flow, beside the server's. The load generator is this benchmark's own JVM.
 */
record StackProcesses(Map<String, Long> roots) {

    static StackProcesses of(BenchSettings settings, long serverPid) throws IOException {
        Map<String, Long> roots = new LinkedHashMap<>();
        roots.put("server", serverPid);
        // Absent when the stack uses a database or broker of its own (MENSAGERIA_DB_URL, MENSAGERIA_BROKER_URL).
        pidIn(settings.data().resolve("run/postgres.pid")).ifPresent(pid -> roots.put("database", pid));
        pidIn(settings.data().resolve("run/broker.pid")).ifPresent(pid -> roots.put("broker", pid));
        pidIn(settings.data().resolve("nginx/nginx.pid")).ifPresent(pid -> roots.put("proxy", pid));
        roots.put("load generator", ProcessHandle.current().pid());
        return new StackProcesses(roots);
    }

    /**
     * CPU seconds each part has used: its processes' own, and their children's that ended and were
     * waited for (a backend PostgreSQL closed during a step counts in its postmaster's).
     */
    Map<String, Double> cpuSeconds() throws IOException {
        Map<Long, Long> parents = new HashMap<>();
        Map<Long, Double> seconds = new HashMap<>();
        ProcessStats.statsIn(Path.of("/proc"), "[0-9]*").forEach((process, stat) -> {
            long pid = Long.parseLong(process.getFileName().toString());
            String[] fields = ProcessStats.fieldsAfterName(stat);
            parents.put(pid, Long.parseLong(fields[1]));
            seconds.put(pid, ProcessStats.cpuSecondsWithWaitedChildren(fields));
        });
        Map<String, Double> byPart = new LinkedHashMap<>();
        roots.forEach((part, root) -> byPart.put(part, treeSum(root, parents, seconds)));
        return byPart;
    }

    /** The sum over a process and all its descendants; a root that is gone counts nothing. */
    static double treeSum(long root, Map<Long, Long> parents, Map<Long, Double> seconds) {
        Map<Long, List<Long>> children = new HashMap<>();
        parents.forEach((pid, parent) ->
                children.computeIfAbsent(parent, p -> new ArrayList<>()).add(pid));
        double sum = 0;
        List<Long> pending = new ArrayList<>(List.of(root));
        while (!pending.isEmpty()) {
            long pid = pending.remove(pending.size() - 1);
            sum += seconds.getOrDefault(pid, 0.0);
            pending.addAll(children.getOrDefault(pid, List.of()));
        }
        return sum;
    }

    private static Optional<Long> pidIn(Path pidFile) throws IOException {
        return Files.exists(pidFile) ? Optional.of(ProcessStats.pidOf(pidFile)) : Optional.empty();
    }
}
