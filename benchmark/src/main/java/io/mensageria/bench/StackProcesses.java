package io.mensageria.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stack's processes by what they are, each with all its descendants (PostgreSQL's launcher, its
 * postmaster and backends; nginx's master and workers): the CPU each part of the stack spends on a
 * flow, beside the server's. The load generator is this benchmark's own JVM.
 */
record StackProcesses(Map<String, List<Long>> roots) {

    static StackProcesses of(BenchSettings settings, long serverPid) throws IOException {
        Map<String, List<Long>> roots = new LinkedHashMap<>();
        roots.put("server", List.of(serverPid));
        // pg_ctl detaches the postmaster from the launcher that started it: both are the database's.
        // Either file is absent when the stack uses a database or broker of its own (MENSAGERIA_DB_URL, ...).
        List<Long> database = new ArrayList<>();
        pidIn(settings.data().resolve("run/postgres.pid")).ifPresent(database::add);
        pidIn(settings.data().resolve("postgres/postmaster.pid")).ifPresent(database::add);
        roots.put("database", database);
        roots.put(
                "broker",
                pidIn(settings.data().resolve("run/broker.pid")).stream().toList());
        roots.put(
                "proxy",
                pidIn(settings.data().resolve("nginx/nginx.pid")).stream().toList());
        roots.put("load generator", List.of(ProcessHandle.current().pid()));
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
        Map<Long, List<Long>> children = childrenOf(parents);
        Map<String, Double> byPart = new LinkedHashMap<>();
        roots.forEach((part, pids) -> byPart.put(part, treeSum(pids, children, seconds)));
        return byPart;
    }

    /**
     * The sum over these processes and all their descendants, each counted once (a root may descend
     * from another); a root that is gone counts nothing.
     */
    static double treeSum(List<Long> roots, Map<Long, List<Long>> children, Map<Long, Double> seconds) {
        Set<Long> counted = new HashSet<>();
        List<Long> pending = new ArrayList<>(roots);
        double sum = 0;
        while (!pending.isEmpty()) {
            long pid = pending.remove(pending.size() - 1);
            if (counted.add(pid)) {
                sum += seconds.getOrDefault(pid, 0.0);
                pending.addAll(children.getOrDefault(pid, List.of()));
            }
        }
        return sum;
    }

    /** Each process's children, from each process's parent. */
    static Map<Long, List<Long>> childrenOf(Map<Long, Long> parents) {
        Map<Long, List<Long>> children = new HashMap<>();
        parents.forEach((pid, parent) ->
                children.computeIfAbsent(parent, p -> new ArrayList<>()).add(pid));
        return children;
    }

    private static Optional<Long> pidIn(Path pidFile) throws IOException {
        return Files.exists(pidFile) ? Optional.of(ProcessStats.pidOf(pidFile)) : Optional.empty();
    }
}
