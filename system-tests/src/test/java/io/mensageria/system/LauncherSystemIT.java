package io.mensageria.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the launcher promises an operator: settings changed between two `up`s take effect, data stays, `status` only
 * reads, `logs` reads the central store, `demo` tells the seed's story.
 */
class LauncherSystemIT {

    private static final Pattern TRACE_LINK = Pattern.compile("/ops/#trace=([0-9a-f]{32})");

    @Test
    void aChangedRateLimitTakesEffectAtTheNextUpAndTheDataStays() throws Exception {
        Account account = Account.register("Rita Lopes");

        Faults.launcher(Map.of("MENSAGERIA_RATE_LIMIT", "2"), "up");
        assertTrue(burstOfPlans().contains(429), "a rate of 2/s refuses a burst of 12");

        Faults.launcher(Map.of(), "up");
        assertEquals(List.of(200), burstOfPlans().stream().distinct().toList(), "the test's own rate is back");
        account.signIn();
    }

    /** One address must not fill the app's password-hashing slots; the rest of the API is not slowed. */
    @Test
    void signInAndRegistrationHaveALowRatePerAddressOfTheirOwn() throws Exception {
        Faults.launcher(Map.of("MENSAGERIA_PASSWORD_RATE_LIMIT", "6"), "up");
        try {
            List<HttpResponse<String>> signIns = IntStream.range(0, 15)
                    .mapToObj(i -> Stack.postJson(Stack.PROXY + "/api/sessions", "{}"))
                    .toList();
            HttpResponse<String> refused = signIns.stream()
                    .filter(response -> response.statusCode() == 429)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("a burst of 15 sign-ins at 6 per minute got no 429"));
            ProblemAssertions.assertProblem(refused, 429);
            assertEquals("10", refused.headers().firstValue("Retry-After").orElse(""), "60 s / 6");
            assertEquals(List.of(200), burstOfPlans().stream().distinct().toList(), "other routes are not limited");
        } finally {
            Faults.launcher(Map.of(), "up");
        }
    }

    @Test
    void statusOnlyReads() throws Exception {
        Path unused = Files.createTempDirectory("mensageria-status").resolve("data");
        Faults.launcher(Map.of("MENSAGERIA_DATA", unused.toString()), "status");
        assertFalse(Files.exists(unused), "status made no data folder and no secret");

        Map<Path, Long> secrets = modified(Stack.DATA.resolve("secrets"));
        Faults.launcher(Map.of(), "status");
        assertEquals(secrets, modified(Stack.DATA.resolve("secrets")), "status rewrote no secret");
    }

    @Test
    void logsPrintsARequestsWholeStoryFromTheCentralStore() throws Exception {
        HttpResponse<String> registered = Stack.postJson(
                Stack.PROXY + "/api/users",
                Stack.registration("Lia Reis", "logs-" + UUID.randomUUID() + "@example.com", "a long enough secret"));
        assertEquals(201, registered.statusCode(), registered.body());
        String traceId = registered.headers().firstValue("X-Trace-Id").orElseThrow();

        List<String> story = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> lines(Faults.launcherOutput(Map.of(), "logs", "--trace", traceId)),
                        lines -> lines.size() >= 3);
        assertTrue(story.stream().allMatch(line -> line.contains(" " + traceId + " ")), "one trace only: " + story);
        for (String service : List.of("accounts", "billing", "notifications")) {
            assertTrue(story.stream().anyMatch(line -> line.contains(" " + service + " ")), service + " in " + story);
        }
        assertTrue(story.get(0).contains("Registered user"), "oldest first: " + story);

        Faults.LauncherRun refused = Faults.launcherOutput(Map.of(), "logs", "--level", "LOUD");
        assertEquals(2, refused.status());
        assertTrue(refused.output().contains("--level takes one of"), refused.output());
    }

    /**
     * The demo plays its five chapters against this stack (its short redelivery settings make the
     * dead-lettered chapter quick), fails itself if a story does not end as told, and links each
     * chapter's trace: every link opens a trace with the services of its story.
     */
    @Test
    void demoTellsTheSeedsStoryAndLinksATraceForEachChapter() throws Exception {
        Faults.LauncherRun demo = Faults.launcherOutput(Map.of(), "demo");
        assertEquals(0, demo.status(), demo.output());

        List<String> traces = TRACE_LINK
                .matcher(demo.output())
                .results()
                .map(link -> link.group(1))
                .toList();
        assertEquals(5, traces.size(), demo.output());
        List<List<String>> services = List.of(
                List.of("accounts", "billing", "notifications"),
                List.of("subscriptions", "billing", "notifications"),
                List.of("subscriptions", "billing", "notifications"),
                List.of("accounts", "billing", "notifications"),
                List.of("subscriptions", "billing", "notifications"));
        for (int chapter = 0; chapter < traces.size(); chapter++) {
            String traceId = traces.get(chapter);
            String name = "chapter " + (chapter + 1);
            List<String> expected = services.get(chapter);
            // A story's last consumer may store its line just after the demo saw the story end: poll for it.
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        JsonObject trace = Ops.trace(traceId);
                        assertNotNull(trace, name + "'s trace " + traceId + " is stored");
                        List<String> stored = trace.getJsonArray("services").getValuesAs(JsonString::getString);
                        assertTrue(stored.containsAll(expected), name + ": " + stored);
                    });
        }
    }

    @Test
    void upRefusesAJavaOlderThan17WithTheReason() throws Exception {
        Path bin = Files.createTempDirectory("old-java");
        Path java = bin.resolve("java");
        // What a Java 11 says about itself, and nothing else.
        Files.writeString(java, "#!/bin/sh\necho '    java.specification.version = 11' >&2\n");
        assertTrue(java.toFile().setExecutable(true));

        Faults.LauncherRun refused = Faults.launcherOutput(Map.of("PATH", bin + ":" + System.getenv("PATH")), "up");
        assertEquals(1, refused.status(), refused.output());
        assertTrue(refused.output().contains("Java 17 or newer is needed, and 'java' is 11"), refused.output());
        assertEquals(200, Stack.get(Stack.PROXY + "/api/plans").statusCode(), "the running stack is untouched");
    }

    private static List<String> lines(Faults.LauncherRun run) {
        assertEquals(0, run.status(), run.output());
        return run.output().lines().filter(line -> !line.isBlank()).toList();
    }

    private static List<Integer> burstOfPlans() {
        return IntStream.range(0, 12)
                .mapToObj(i -> Stack.get(Stack.PROXY + "/api/plans").statusCode())
                .toList();
    }

    private static Map<Path, Long> modified(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.collect(Collectors.toMap(f -> f, f -> f.toFile().lastModified()));
        }
    }
}
