package io.mensageria.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mensageria.bench.ProcessStats.Threads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessStatsTest {

    @Test
    void aPidFileIsReadByItsFirstLine(@TempDir Path folder) throws Exception {
        Path nginx = Files.writeString(folder.resolve("nginx.pid"), "4711\n");
        // PostgreSQL's postmaster.pid: the pid, then the data folder, start time, port and more.
        Path postmaster =
                Files.writeString(folder.resolve("postmaster.pid"), "815\n/data/postgres\n1765100000\n55462\n");

        assertEquals(4711, ProcessStats.pidOf(nginx));
        assertEquals(815, ProcessStats.pidOf(postmaster));
    }

    @Test
    void threadsAreToldApartByTheFifteenCharactersOfTheirNameTheKernelKeeps() {
        assertEquals(Threads.HTTP, Threads.named("http-thread-poo"));
        assertEquals(Threads.CONSUMERS, Threads.named("orb-thread-pool"));
        assertEquals(Threads.RELAY, Threads.named("mensageria-rela"));
        assertEquals(Threads.GC, Threads.named("GC Thread#1"));
        assertEquals(Threads.GC, Threads.named("G1 Young RemSet"));
        assertEquals(Threads.GC, Threads.named("VM Thread"));
        assertEquals(Threads.JIT, Threads.named("C2 CompilerThre"));
        assertEquals(Threads.OTHER, Threads.named("Recovery Helper"));
    }

    @Test
    void theLiveThreadsOfAProcessAddUpToNoMoreThanItsOwnTotal() throws Exception {
        long pid = ProcessHandle.current().pid();
        long end = System.nanoTime() + 50_000_000;
        double spin = 0;
        while (System.nanoTime() < end) {
            spin += Math.sqrt(spin + 1); // some CPU on this thread, so that there is something to count
        }
        Map<Threads, Double> byThreads = ProcessStats.cpuSecondsByThreads(pid);
        double total = ProcessStats.cpuSeconds(pid);

        double sum =
                byThreads.values().stream().mapToDouble(Double::doubleValue).sum();
        assertTrue(sum > 0 && spin > 0, "this JVM has used CPU: " + byThreads);
        assertTrue(sum <= total + 0.01, sum + " s by thread, " + total + " s in all");
        assertTrue(byThreads.containsKey(Threads.OTHER), "the test's own thread is none of the server's: " + byThreads);
    }

    @Test
    void theMachineIsBusyForAllButItsIdleAndIoWaitTime() {
        // user nice system idle iowait irq softirq steal guest guest_nice, in clock ticks
        String line = "cpu  1000 50 300 90000 700 20 10 5 0 0";

        assertEquals(
                (1000 + 50 + 300 + 20 + 10 + 5) / ProcessStats.TICKS_PER_SECOND,
                ProcessStats.machineBusySecondsOf(line),
                1e-9);
    }

    @Test
    void theMachineHasBeenBusyAtLeastAsLongAsThisProcess() throws Exception {
        double machine = ProcessStats.machineBusySeconds();
        double own = ProcessStats.cpuSeconds(ProcessHandle.current().pid());

        assertTrue(machine >= own, machine + " s busy machine, " + own + " s of this JVM");
    }
}
