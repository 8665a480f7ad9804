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
 * hour, asked through the ops API one at a time, with the central log replaced by a synthetic one of
 * each size in turn ({@link SyntheticLogs}, kept between runs).
 */
final class LogLookup {

    /** Latencies of one size, in milliseconds; a fill of 0 s: the log was kept from an earlier run. */
    record Result(
            long rows, double fillSeconds, double traceP50, double traceP99, double searchP50, double searchP99) {}

    private static final int QUERIES = 200;
    /** Unmeasured queries of each kind before each size's measured ones. */
    private static final int WARM_UP = 20;
    /**
     * More before the first size: the tracing comparison has just restarted the server, and without them
     * the lookups' code would still be compiling during the first size and not the second, which made 1M
     * rows look slower than 10M.
     */
    private static final int FIRST_WARM_UP = 500;

    private final BenchSettings settings;
    private final HttpClient client;
    private final SyntheticLogs logs;
    private final Random random = new Random(42);
    private int warmUp = FIRST_WARM_UP;

    LogLookup(BenchSettings settings, HttpClient client, Connection database) {
        this.settings = settings;
        this.client = client;
        this.logs = new SyntheticLogs(database);
    }

    /** Measures both queries against a central log of {@code rows} synthetic lines. */
    Result at(long rows) throws Exception {
        SyntheticLogs.Table log = logs.prepare(rows);
        Result result = logs.swappedIn(log, () -> {
            long traces = rows / SyntheticLogs.LINES_PER_TRACE;
            Histogram byTrace = measure(() -> "/ops/traces/" + traceId(random.nextLong(traces)));
            Histogram bySearch = measure(() -> {
                Instant hour =
                        log.end().minus(1 + random.nextInt((int) SyntheticLogs.SPREAD.toHours() - 1), ChronoUnit.HOURS);
                return "/ops/traces?service=billing&limit=50&since=" + encode(hour) + "&until="
                        + encode(hour.plusSeconds(3600));
            });
            return new Result(
                    rows,
                    log.fillSeconds(),
                    millis(byTrace, 50),
                    millis(byTrace, 99),
                    millis(bySearch, 50),
                    millis(bySearch, 99));
        });
        warmUp = WARM_UP;
        return result;
    }

    private Histogram measure(Supplier<String> paths) throws IOException, InterruptedException {
        Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(30), 3);
        for (int i = 0; i < warmUp + QUERIES; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(settings.appUrl() + paths.get()))
                    .header("Authorization", settings.opsAuthorization())
                    .timeout(Duration.ofSeconds(30))
                    .build();
            long sent = System.nanoTime();
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
            }
            if (i >= warmUp) {
                latency.recordValue((System.nanoTime() - sent) / 1000);
            }
        }
        return latency;
    }

    /** The trace id of synthetic trace {@code n}: PostgreSQL's md5('bench-' || n), as {@link SyntheticLogs} wrote it. */
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
