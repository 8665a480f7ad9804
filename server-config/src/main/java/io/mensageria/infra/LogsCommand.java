package io.mensageria.infra;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code ./mensageria logs}: the central log store read from a terminal, one line per entry (time,
 * service, instance, level, trace id, message), oldest first, like {@code docker compose logs}.
 *
 * <p>Options: {@code --trace ID} (that request's whole story), {@code --service NAME}, {@code --level
 * LEVEL} (that level and the more severe ones), {@code --since WHEN} (an ISO-8601 instant, or an age
 * such as {@code 30s}, {@code 10m}, {@code 2h}), {@code --limit N} (the newest N; default 100, all of
 * a trace), {@code --follow} (then keep printing new entries until interrupted). Reads the database
 * named by MENSAGERIA_DB_URL as MENSAGERIA_DB_USER / MENSAGERIA_DB_PASSWORD (the launcher sets them).
 * A bad option prints why and exits with status 2.
 */
public final class LogsCommand {

    static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern AGE = Pattern.compile("(\\d+)([smhd])");
    private static final Duration FOLLOW_INTERVAL = Duration.ofSeconds(1);

    /** What to show, from the command line. */
    record Query(String traceId, String service, String level, Instant since, Integer limit, boolean follow) {

        static Query parse(String[] args, Instant now) {
            String traceId = null, service = null, level = null;
            Instant since = null;
            Integer limit = null;
            boolean follow = false;
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (option.equals("--follow")) {
                    follow = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args[++i];
                switch (option) {
                    case "--trace" -> traceId = traceId(value);
                    case "--service" -> service = value;
                    case "--level" -> level = level(value);
                    case "--since" -> since = since(value, now);
                    case "--limit" -> limit = limit(value);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            return new Query(traceId, service, level, since, limit, follow);
        }

        private static String traceId(String value) {
            String id = value.toLowerCase(Locale.ROOT);
            if (!TRACE_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("--trace takes a trace id: 32 hex digits, not " + value);
            }
            return id;
        }

        private static String level(String value) {
            String level = value.toUpperCase(Locale.ROOT);
            if (!LEVELS.contains(level)) {
                throw new IllegalArgumentException("--level takes one of " + LEVELS + ", not " + value);
            }
            return level;
        }

        static Instant since(String value, Instant now) {
            var age = AGE.matcher(value);
            if (age.matches()) {
                long amount = Long.parseLong(age.group(1));
                return now.minus(
                        switch (age.group(2)) {
                            case "s" -> Duration.ofSeconds(amount);
                            case "m" -> Duration.ofMinutes(amount);
                            case "h" -> Duration.ofHours(amount);
                            default -> Duration.ofDays(amount);
                        });
            }
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "--since takes an instant (2026-12-01T10:00:00Z) or an age (30s, 10m, 2h, 1d), not " + value);
            }
        }

        private static int limit(String value) {
            try {
                int limit = Integer.parseInt(value);
                if (limit >= 1 && limit <= 100_000) {
                    return limit;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw new IllegalArgumentException("--limit takes a number from 1 to 100000, not " + value);
        }

        /** The newest entries first, then printed oldest first; a trace is shown whole unless limited. */
        int rows() {
            return limit != null ? limit : traceId != null ? 100_000 : 100;
        }

        /** The filter, and its parameters in order, for entries after {@code afterId} (0: any). */
        String where(List<Object> parameters, long afterId) {
            StringBuilder where = new StringBuilder("where id > ?");
            parameters.add(afterId);
            if (traceId != null) {
                where.append(" and trace_id = ?");
                parameters.add(traceId);
            }
            if (service != null) {
                where.append(" and service = ?");
                parameters.add(service);
            }
            if (level != null) {
                where.append(" and level = any(?)");
                parameters.add(
                        LEVELS.subList(LEVELS.indexOf(level), LEVELS.size()).toArray(String[]::new));
            }
            if (since != null) {
                where.append(" and timestamp >= ?");
                parameters.add(Timestamp.from(since));
            }
            return where.toString();
        }
    }

    private LogsCommand() {}

    public static void main(String[] args) throws Exception {
        Query query;
        try {
            query = Query.parse(args, Instant.now());
        } catch (IllegalArgumentException e) {
            System.err.println("mensageria logs: " + e.getMessage());
            System.err.println("usage: ./mensageria logs [--trace ID] [--service NAME] [--level LEVEL]"
                    + " [--since 10m|INSTANT] [--limit N] [--follow]");
            System.exit(2);
            return;
        }
        try (Connection db = DriverManager.getConnection(
                System.getenv("MENSAGERIA_DB_URL"),
                System.getenv("MENSAGERIA_DB_USER"),
                System.getenv("MENSAGERIA_DB_PASSWORD"))) {
            long last = print(db, query, 0, query.rows(), System.out);
            while (query.follow()) {
                Thread.sleep(FOLLOW_INTERVAL.toMillis());
                last = print(db, query, last, 10_000, System.out);
            }
        }
    }

    /** Prints the newest {@code rows} entries after {@code afterId}, oldest first; answers the highest id seen. */
    static long print(Connection db, Query query, long afterId, int rows, PrintStream out) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String sql = "select id, timestamp, service, instance, level, trace_id, message from platform.log_entries "
                + query.where(parameters, afterId) + " order by timestamp desc, id desc limit " + rows;
        Deque<String> lines = new LinkedList<>();
        long highest = afterId;
        try (PreparedStatement select = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                Object parameter = parameters.get(i);
                if (parameter instanceof String[] values) {
                    select.setArray(i + 1, db.createArrayOf("varchar", values));
                } else {
                    select.setObject(i + 1, parameter);
                }
            }
            try (ResultSet entries = select.executeQuery()) {
                while (entries.next()) {
                    highest = Math.max(highest, entries.getLong("id"));
                    lines.addFirst(line(entries));
                }
            }
        }
        lines.forEach(out::println);
        out.flush();
        return highest;
    }

    private static String line(ResultSet entry) throws SQLException {
        String trace = entry.getString("trace_id");
        return String.format(
                "%s %-13s %-11s %-5s %s %s",
                entry.getTimestamp("timestamp").toInstant(),
                entry.getString("service"),
                entry.getString("instance") == null ? "-" : entry.getString("instance"),
                entry.getString("level"),
                trace == null ? "-" + " ".repeat(31) : trace.strip(),
                entry.getString("message"));
    }
}
