package io.mensageria.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The hostile-input suite: thousands of generated requests ({@link HostileRequests}), through the proxy
 * and straight to the app port. Every answer is 4xx with problem+json, none 5xx; no refused request
 * stores anything; no span batch is lost. It prints what it sent and how each kind was answered.
 */
class HostileInputSystemIT {

    private static final long SEED = Long.getLong("mensageria.hostile.seed", 20261202L);
    private static final List<String> WRITTEN_TABLES = List.of(
            "accounts.users",
            "wallet.cards",
            "subscriptions.subscriptions",
            "platform.event_log",
            "platform.idempotency_keys");

    @Test
    void everyHostileRequestIsRefusedWithAProblemAndChangesNothing() throws Exception {
        Account target = Account.register("Hostile target");
        String token = target.signIn();
        List<HostileRequests.Case> cases = new HostileRequests(SEED, target.id(), token, Stack.OPS_PASSWORD).all();
        Map<String, Long> rowsBefore = rows();
        String droppedBefore = droppedSpans();

        Map<String, Map<Integer, Integer>> answers = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (HostileRequests.Case hostile : cases) {
            RawHttp.Response response = RawHttp.send(hostile.base(), hostile.request());
            answers.computeIfAbsent(hostile.kind(), kind -> new TreeMap<>()).merge(response.status(), 1, Integer::sum);
            boolean refused = response.status() >= 400 && response.status() < 500;
            boolean problem = response.header("Content-Type").startsWith("application/problem+json");
            if (!refused || !problem) {
                wrong.add(response.status() + " " + response.header("Content-Type") + " for " + hostile.kind() + ": "
                        + hostile.request().method() + " "
                        + abbreviate(hostile.request().target()) + " to "
                        + hostile.base() + " -> " + abbreviate(response.body()));
            }
        }

        print(cases.size(), answers);
        wrong.forEach(line -> System.out.println("  not refused: " + line));
        assertTrue(cases.size() >= 2_000, "at least 2,000 requests: " + cases.size());
        assertEquals(
                List.of(),
                wrong.subList(0, Math.min(wrong.size(), 25)),
                wrong.size() + " answers not 4xx problem+json");
        assertEquals(rowsBefore, rows(), "a refused request stored nothing");
        assertEquals(droppedBefore, droppedSpans(), "no span batch lost");
    }

    private static Map<String, Long> rows() throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection database = Stack.database()) {
            for (String table : WRITTEN_TABLES) {
                try (ResultSet count = database.createStatement().executeQuery("select count(*) from " + table)) {
                    count.next();
                    rows.put(table, count.getLong(1));
                }
            }
        }
        return rows;
    }

    private static String droppedSpans() {
        return Stack.get(Stack.APP + "/metrics")
                .body()
                .lines()
                .filter(line -> line.startsWith("mensageria_span_dropped_total"))
                .findFirst()
                .orElse("mensageria_span_dropped_total missing");
    }

    private static void print(int sent, Map<String, Map<Integer, Integer>> answers) {
        StringBuilder table = new StringBuilder("Hostile-input suite (seed " + SEED + "): " + sent + " requests\n");
        answers.forEach((kind, statuses) -> table.append(String.format(
                "  %-28s %5d  %s%n",
                kind, statuses.values().stream().mapToInt(Integer::intValue).sum(), statuses)));
        System.out.print(table);
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 160) + "...";
    }
}
