package io.mensageria.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/** CPU time and resident memory of a process, from /proc (Linux). */
final class ProcessStats {

    /** Clock ticks per second of /proc's CPU times; 100 on every Linux this runs on (getconf CLK_TCK). */
    static final double TICKS_PER_SECOND = Double.parseDouble(System.getProperty("bench.clock.ticks", "100"));

    private ProcessStats() {}

    /** The process id on a pid file's first line (PostgreSQL's postmaster.pid has more lines after it). */
    static long pidOf(Path pidFile) throws IOException {
        return Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
    }

    /** User plus system CPU seconds the process has used since it started. */
    static double cpuSeconds(long pid) throws IOException {
        return cpuSecondsOf(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    }

    /** The server's threads by what they do, from the names HotSpot, Payara and the application give them. */
    enum Threads {
        HTTP("HTTP workers"),
        CONSUMERS("consumers"),
        RELAY("relay"),
        GC("GC and VM"),
        /**
         * The JIT compiler: a server still compiling its hot paths spends it on getting faster, not on
         * the requests, and a server that has run for long spends none.
         */
        JIT("JIT compiler"),
        OTHER("other");

        final String label;

        Threads(String label) {
            this.label = label;
        }

        /** The kernel keeps 15 characters of a thread's name: "http-thread-poo", "C2 CompilerThre". */
        static Threads named(String name) {
            if (name.startsWith("http-thread-po")) {
                return HTTP;
            }
            if (name.startsWith("orb-thread-pool")) {
                return CONSUMERS; // the resource adapter delivers to the message-driven beans on these
            }
            if (name.startsWith("mensageria-rela")) {
                return RELAY;
            }
            if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
                return GC;
            }
            return name.contains("CompilerThre") ? JIT : OTHER;
        }
    }

    /**
     * CPU seconds the process's live threads have used, by what they do. A thread that ended is missing
     * here and counted in the process's own total ({@link #cpuSeconds}).
     */
    static Map<Threads, Double> cpuSecondsByThreads(long pid) throws IOException {
        Map<Threads, Double> seconds = new EnumMap<>(Threads.class);
        statsIn(Path.of("/proc", Long.toString(pid), "task"), "*").forEach((thread, stat) -> {
            Threads kind = Threads.named(stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
            seconds.merge(kind, cpuSecondsOf(stat), Double::sum);
        });
        return seconds;
    }

    /**
     * The stat line of each process or thread in a /proc folder whose name matches the glob, by its
     * folder; one that ended while they were read is left out.
     */
    static Map<Path, String> statsIn(Path folder, String glob) throws IOException {
        Map<Path, String> stats = new HashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, glob)) {
            for (Path entry : entries) {
                try {
                    stats.put(entry, Files.readString(entry.resolve("stat")));
                } catch (NoSuchFileException ended) {
                    // gone between the listing and the read
                }
            }
        }
        return stats;
    }

    private static double cpuSecondsOf(String stat) {
        String[] fields = fieldsAfterName(stat);
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    /**
     * A /proc stat line's fields after the command name, from the state on: [0] state, [1] parent pid,
     * [11] user and [12] system time, [13] and [14] those of the children it waited for. The name may
     * hold spaces: fields are counted from its closing parenthesis.
     */
    static String[] fieldsAfterName(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    /** User and system CPU seconds of a process and of its children that ended and were waited for. */
    static double cpuSecondsWithWaitedChildren(String[] fieldsAfterName) {
        long ticks = 0;
        for (int i = 11; i <= 14; i++) {
            ticks += Long.parseLong(fieldsAfterName[i]);
        }
        return ticks / TICKS_PER_SECOND;
    }

    /**
     * CPU seconds the whole machine has been busy since it booted, all cores together: every process,
     * the kernel's own work included (/proc/stat).
     */
    static double machineBusySeconds() throws IOException {
        return machineBusySecondsOf(Files.readAllLines(Path.of("/proc/stat")).get(0));
    }

    /** From /proc/stat's first line, "cpu user nice system idle iowait irq softirq steal ...": all but idle and iowait. */
    static double machineBusySecondsOf(String cpuLine) {
        String[] fields = cpuLine.trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i <= 8 && i < fields.length; i++) {
            if (i != 4 && i != 5) {
                busy += Long.parseLong(fields[i]);
            }
        }
        return busy / TICKS_PER_SECOND;
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
