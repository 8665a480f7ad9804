package io.mensageria.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the fault drills do to the stack: stop or kill one of its processes, and start it again as an operator would. */
final class Faults {

    static final String BROKER = "run/broker.pid";
    /** The second broker of a pair (MENSAGERIA_BROKER_REPLICAS=2), on the next port. */
    static final String SECOND_BROKER = "run/broker-2.pid";

    static final String DATABASE = "run/postgres.pid";
    static final String SERVER = "payara/mensageria/config/pid";
    private static final int BROKER_PORT = URI.create(
                    System.getProperty("mensageria.broker.url", "tcp://127.0.0.1:61616"))
            .getPort();
    private static final Path LAUNCHER = Path.of(System.getProperty("mensageria.launcher", "./mensageria"));

    private Faults() {}

    /** SIGTERM, as a shutdown would; waits until the process is gone. */
    static void stop(String pidFile) throws IOException {
        ProcessHandle process = process(pidFile);
        process.destroy();
        process.onExit().join();
    }

    /** SIGKILL, as a crash would; waits until the process is gone. */
    static void kill(String pidFile) throws IOException {
        ProcessHandle process = process(pidFile);
        process.destroyForcibly();
        process.onExit().join();
    }

    /** SIGSTOP, as a hung process: its connections stay open and nothing answers. */
    static void pause(String pidFile) throws IOException, InterruptedException {
        signal("STOP", pidFile);
    }

    /** SIGCONT: the paused process goes on where it stopped. */
    static void resume(String pidFile) throws IOException, InterruptedException {
        signal("CONT", pidFile);
    }

    private static void signal(String signal, String pidFile) throws IOException, InterruptedException {
        String pid = String.valueOf(process(pidFile).pid());
        assertEquals(
                0,
                new ProcessBuilder("kill", "-" + signal, pid)
                        .inheritIO()
                        .start()
                        .waitFor(),
                "kill -" + signal);
    }

    /** {@code ./mensageria up}: starts whatever is not running, and returns once the application serves. */
    static void startWhatIsDown() throws IOException, InterruptedException {
        launcher(Map.of(), "up");
    }

    /** Runs the launcher with these variables added to the test's own environment; it must succeed. */
    static void launcher(Map<String, String> settings, String... command) throws IOException, InterruptedException {
        ProcessBuilder launcher = new ProcessBuilder(launcherLine(command)).inheritIO();
        launcher.environment().putAll(settings);
        assertEquals(0, launcher.start().waitFor(), "./mensageria " + String.join(" ", command) + " with " + settings);
    }

    /** What a launcher command printed (standard output and error together) and how it ended. */
    record LauncherRun(int status, String output) {}

    /** Runs the launcher with these variables added to the test's own environment, capturing what it prints. */
    static LauncherRun launcherOutput(Map<String, String> settings, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(launcherLine(command)).redirectErrorStream(true);
        builder.environment().putAll(settings);
        Process launcher = builder.start();
        String output = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new LauncherRun(launcher.waitFor(), output);
    }

    private static List<String> launcherLine(String... command) {
        List<String> line = new ArrayList<>(List.of(LAUNCHER.toString()));
        line.addAll(List.of(command));
        return line;
    }

    /** The pid file of the broker that serves: of a pair, the one holding the store's lock has its port open. */
    static String servingBroker() {
        return listening(BROKER_PORT) ? BROKER : SECOND_BROKER;
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The status of one MicroProfile Health check on the app port. */
    static String healthOf(String check) {
        return Stack.json(Stack.get(Stack.APP + "/health"))
                .getJsonArray("checks")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(c -> c.getString("name").equals(check))
                .map(c -> c.getString("status"))
                .findFirst()
                .orElse("MISSING");
    }

    private static ProcessHandle process(String pidFile) throws IOException {
        long pid = Long.parseLong(Files.readString(Stack.DATA.resolve(pidFile)).trim());
        return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("not running: " + pidFile));
    }
}
