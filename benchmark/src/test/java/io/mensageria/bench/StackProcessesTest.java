package io.mensageria.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackProcessesTest {

    @Test
    void aPartIsItsRootProcessAndAllItsDescendants() {
        // 1 launches 10 (PostgreSQL's launcher), which starts 11 (the postmaster) with backends 12 and 13; 20 is
        // another process.
        Map<Long, List<Long>> children =
                StackProcesses.childrenOf(Map.of(10L, 1L, 11L, 10L, 12L, 11L, 13L, 11L, 20L, 1L));
        Map<Long, Double> seconds = Map.of(10L, 1.0, 11L, 2.0, 12L, 3.0, 13L, 4.0, 20L, 100.0);

        assertEquals(10.0, StackProcesses.treeSum(List.of(10L), children, seconds), 1e-9);
        assertEquals(7.0, StackProcesses.treeSum(List.of(12L, 13L), children, seconds), 1e-9);
        assertEquals(
                10.0,
                StackProcesses.treeSum(List.of(10L, 11L), children, seconds),
                1e-9,
                "a root that descends from another is counted once");
        assertEquals(
                0.0, StackProcesses.treeSum(List.of(99L), children, seconds), "a process that is gone counts nothing");
    }

    @Test
    void aRunningChildCountsInItsParentsPart() throws Exception {
        long self = ProcessHandle.current().pid();
        Process child = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
        try {
            Path childStat = Path.of("/proc", Long.toString(child.pid()), "stat");
            double childSeconds = 0;
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (childSeconds < 0.05 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
                childSeconds = ProcessStats.cpuSecondsWithWaitedChildren(
                        ProcessStats.fieldsAfterName(Files.readString(childStat)));
            }
            double ownSeconds = ProcessStats.cpuSeconds(self);

            double part = new StackProcesses(Map.of("load generator", List.of(self)))
                    .cpuSeconds()
                    .get("load generator");

            assertTrue(childSeconds >= 0.05, "the child used CPU: " + childSeconds + " s");
            assertTrue(
                    part >= ownSeconds + childSeconds,
                    part + " s for the part, " + ownSeconds + " s own, " + childSeconds + " s the child's");
        } finally {
            child.destroyForcibly().waitFor();
        }
    }
}
