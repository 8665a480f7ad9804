package io.mensageria.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A Flight Recorder profile of the application server while a workload runs (`--profile`), and where
 * its CPU samples go: by thread pool, and by the innermost frame that is not the JDK's, named after the
 * library it belongs to.
 */
final class Profile {

    /** Package prefixes and the names the summary gives them; the first match wins. */
    static final Map<String, String> OWNERS = owners();

    private Profile() {}

    static <T> T during(long pid, Path recording, Callable<T> work) throws Exception {
        jcmd(pid, "JFR.start", "name=bench", "settings=profile", "filename=" + recording.toAbsolutePath());
        try {
            return work.call();
        } finally {
            jcmd(pid, "JFR.stop", "name=bench");
        }
    }

    /** A markdown summary of the recording's execution samples. */
    static String summarize(Path recording) throws IOException {
        Map<String, Integer> threads = new TreeMap<>();
        Map<String, Integer> owners = new TreeMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            String thread = event.getThread("sampledThread") == null
                    ? "?"
                    : event.getThread("sampledThread").getJavaName();
            threads.merge(pool(thread), 1, Integer::sum);
            owners.merge(owner(event.getStackTrace().getFrames()), 1, Integer::sum);
        }
        return "Execution samples: " + samples + "\n\n" + table("Thread pool", threads, samples) + "\n"
                + table("Innermost owner (first frame outside the JDK)", owners, samples);
    }

    static String owner(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("java.")
                    || type.startsWith("jdk.")
                    || type.startsWith("sun.")
                    || type.startsWith("com.sun.crypto")
                    || type.startsWith("javax.crypto")) {
                continue;
            }
            return ownerOf(type);
        }
        return "JDK";
    }

    static String ownerOf(String type) {
        return OWNERS.entrySet().stream()
                .filter(owner -> type.startsWith(owner.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseGet(() -> String.join(
                        ".", List.of(type.split("\\.")).subList(0, Math.min(3, type.split("\\.").length - 1))));
    }

    static String pool(String thread) {
        int end = thread.indexOf('(');
        String name = (end > 0 ? thread.substring(0, end) : thread).replaceAll("[-_ ]?\\d+$", "");
        return name.isBlank() ? thread : name;
    }

    private static String table(String title, Map<String, Integer> counts, int samples) {
        StringBuilder table = new StringBuilder("| " + title + " | Samples | Share |\n|---|---|---|\n");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(25)
                .forEach(entry -> table.append(String.format(
                        "| %s | %d | %.1f%% |%n",
                        entry.getKey(), entry.getValue(), 100.0 * entry.getValue() / Math.max(1, samples))));
        return table.toString();
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new java.util.ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
    }

    private static Map<String, String> owners() {
        Map<String, String> owners = new LinkedHashMap<>();
        owners.put("io.mensageria.", "application (io.mensageria)");
        owners.put("fish.payara.microprofile.jwtauth", "MicroProfile JWT");
        owners.put("fish.payara.microprofile.faulttolerance", "Fault Tolerance");
        owners.put("fish.payara.microprofile.metrics", "Metrics");
        owners.put("fish.payara.microprofile.telemetry", "Telemetry (Payara)");
        owners.put("io.opentelemetry", "OpenTelemetry");
        owners.put("org.glassfish.jersey", "Jersey");
        owners.put("org.jboss.weld", "Weld");
        owners.put("org.eclipse.persistence", "EclipseLink");
        owners.put("org.glassfish.grizzly", "Grizzly");
        owners.put("org.postgresql", "PostgreSQL driver");
        owners.put("org.apache.activemq", "ActiveMQ");
        owners.put("com.sun.gjc", "JDBC pool");
        owners.put("com.sun.enterprise.resource", "connection pools");
        owners.put("com.sun.enterprise.transaction", "transactions");
        owners.put("com.sun.jts", "transactions");
        owners.put("com.sun.ejb", "EJB container");
        owners.put("org.glassfish.ejb", "EJB container");
        owners.put("org.glassfish.soteria", "Soteria (security)");
        owners.put("com.sun.enterprise.security", "security");
        owners.put("org.eclipse.yasson", "JSON-B");
        owners.put("org.eclipse.parsson", "JSON-P");
        owners.put("org.glassfish.json", "JSON-P");
        owners.put("com.sun.enterprise.server.logging", "server.log");
        owners.put("org.apache.catalina", "Catalina");
        owners.put("org.glassfish.concurrent", "context capture");
        owners.put("org.glassfish.enterprise.concurrent", "context capture");
        owners.put("org.glassfish.hk2", "HK2");
        owners.put("org.jvnet.hk2", "HK2");
        return owners;
    }
}
