package io.mensageria.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the launcher promises an operator: settings changed between two `up`s take effect, data stays, `status` only reads. */
class LauncherSystemIT {

    @Test
    void aChangedRateLimitTakesEffectAtTheNextUpAndTheDataStays() throws Exception {
        Account account = Account.register("Rita Lopes");

        Faults.launcher(Map.of("MENSAGERIA_RATE_LIMIT", "2"), "up");
        assertTrue(burstOfPlans().contains(429), "a rate of 2/s refuses a burst of 12");

        Faults.launcher(Map.of(), "up");
        assertEquals(List.of(200), burstOfPlans().stream().distinct().toList(), "the test's own rate is back");
        account.signIn();
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
