package io.mensageria.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * What an operator waits for in a big central log: a trace by its id, and one service's lines of one
 * hour, asked through the ops API one at a time, with the log filled by synthetic lines (ten per trace,
 * six services, spread over the six days before the run) to each size in turn. The lines go in with
 * one INSERT ... SELECT per size, through the real table and its indexes.
 */
final class LogLookup {

    /** Latencies of one size, in milliseconds. */
    record Result(
            long rows, double fillSeconds, double traceP50, double traceP99, double searchP50, double searchP99) {}

    static final Duration SPREAD = Duration.ofDays(6);
    private static final int LINES_PER_TRACE = 10;
    private static final int QUERIES = 200;
    private static final int WARM_UP = 20;
    private static final String[] SERVICES = {
        "accounts", "wallet", "subscriptions", "billing", "notifications", "platform"
    };

    private final BenchSettings settings;
    private final HttpClient client;
    private final Connection database;
    private final Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
    private final Random random = new Random(42);
    private long filled;

    LogLookup(BenchSettings settings, HttpClient client, Connection database) {
        this.settings = settings;
        this.client = client;
        this.database = database;
    }

    /** Grows the log to {@code rows} synthetic lines, then measures both queries at that size. */
    Result at(long rows) throws SQLException, IOException, InterruptedException {
        long started = System.nanoTime();
        fillTo(rows);
        double fillSeconds = (System.nanoTime() - started) / 1e9;
        Histogram traces = measure(() -> "/ops/traces/" + traceId(random.nextInt((int) (rows / LINES_PER_TRACE))));
        Histogram searches = measure(() -> {
            Instant hour = end.minus(1 + random.nextInt((int) SPREAD.toHours() - 1), ChronoUnit.HOURS);
            return "/ops/traces?service=billing&limit=50&since=" + encode(hour) + "&until="
                    + encode(hour.plusSeconds(3600));
        });
        return new Result(
                rows, fillSeconds, millis(traces, 50), millis(traces, 99), millis(searches, 50), millis(searches, 99));
    }

    private void fillTo(long rows) throws SQLException {
        try (PreparedStatement insert = database.prepareStatement("""
                insert into platform.log_entries (timestamp, service, level, logger, message, trace_id, span_id)
                select ?::timestamptz - ? * interval '1 second' + i * (? * interval '1 second' / ?),
                       (?::text[])[1 + (i % 6)::int],
                       case when i % 50 = 0 then 'WARN' else 'INFO' end,
                       'io.mensageria.bench.SyntheticLine',
                       'synthetic line ' || i,
                       md5('bench-' || (i / 10)),
                       substr(md5(i::text), 1, 16)
                from generate_series(?::bigint, ?::bigint) i""")) {
            insert.setString(1, end.toString());
            insert.setLong(2, SPREAD.toSeconds());
            insert.setLong(3, SPREAD.toSeconds());
            insert.setLong(4, rows);
            insert.setArray(5, database.createArrayOf("text", SERVICES));
            insert.setLong(6, filled);
            insert.setLong(7, rows - 1);
            insert.executeUpdate();
        }
        filled = rows;
        // As after any bulk load: statistics for the planner, and the new rows' visibility settled once
        // here, not by the first queries that read them (hint bits) or an autovacuum during the measurement.
        try (Statement vacuum = database.createStatement()) {
            vacuum.execute("vacuum (analyze) platform.log_entries");
        }
    }

    private Histogram measure(Supplier<String> paths) throws IOException, InterruptedException {
        Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(30), 3);
        for (int i = 0; i < WARM_UP + QUERIES; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(settings.appUrl() + paths.get()))
                    .header("Authorization", settings.opsAuthorization())
                    .timeout(Duration.ofSeconds(30))
                    .build();
            long sent = System.nanoTime();
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
            }
            if (i >= WARM_UP) {
                latency.recordValue((System.nanoTime() - sent) / 1000);
            }
        }
        return latency;
    }

    /** The trace id of synthetic trace {@code n}: PostgreSQL's md5('bench-' || n), as the fill wrote it. */
    static String traceId(long n) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("MD5").digest(("bench-" + n).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    static List<Report.Figure> figures(List<Result> results) {
        List<Report.Figure> figures = new ArrayList<>();
        for (Result result : results) {
            String size = result.rows() >= 1_000_000 ? result.rows() / 1_000_000 + "M" : result.rows() + "";
            boolean judged = result.rows() >= 10_000_000;
            figures.add(new Report.Figure(
                    "trace lookup p99 at " + size + " log rows",
                    result.traceP99(),
                    "ms",
                    "",
                    0,
                    judged ? "<= 10 ms" : "-",
                    !judged || result.traceP99() <= 10));
            figures.add(new Report.Figure(
                    "log search (one service, one hour) p99 at " + size + " rows",
                    result.searchP99(),
                    "ms",
                    "",
                    0,
                    judged ? "<= 50 ms" : "-",
                    !judged || result.searchP99() <= 50));
        }
        return figures;
    }
}
