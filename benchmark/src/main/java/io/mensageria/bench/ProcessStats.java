package io.mensageria.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** CPU time and resident memory of a process, from /proc (Linux). */
final class ProcessStats {

    /** Clock ticks per second of /proc's CPU times; 100 on every Linux this runs on (getconf CLK_TCK). */
    static final double TICKS_PER_SECOND = Double.parseDouble(System.getProperty("bench.clock.ticks", "100"));

    private ProcessStats() {}

    static long pidOf(Path pidFile) throws IOException {
        return Long.parseLong(Files.readString(pidFile).trim());
    }

    /** User plus system CPU seconds the process has used since it started. */
    static double cpuSeconds(long pid) throws IOException {
        return cpuSecondsOf(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    }

    /**
     * CPU seconds the JVM's JIT compiler threads have used: a server still compiling its hot paths
     * spends them on getting faster, not on the requests, and a server that has run for long spends none.
     */
    static double compilerCpuSeconds(long pid) throws IOException {
        double seconds = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path thread : threads) {
                String stat;
                try {
                    stat = Files.readString(thread.resolve("stat"));
                } catch (NoSuchFileException ended) {
                    continue;
                }
                // HotSpot names them "C1 CompilerThread0", "C2 CompilerThread0"; the kernel keeps 15 characters.
                if (stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).contains("CompilerThre")) {
                    seconds += cpuSecondsOf(stat);
                }
            }
        }
        return seconds;
    }

    private static double cpuSecondsOf(String stat) {
        // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /** Resident set size in megabytes. */
    static double rssMegabytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }
}
