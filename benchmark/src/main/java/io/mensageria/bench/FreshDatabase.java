package io.mensageria.bench;

import java.sql.Connection;

/**
 * Run by `./mensageria bench` before it deploys: the bench's database keeps its synthetic logs between
 * runs ({@link SyntheticLogs}) and nothing else, so that each run starts from the application's empty
 * schemas, as on a new database.
 */
public final class FreshDatabase {

    private FreshDatabase() {}

    public static void main(String[] args) throws Exception {
        try (Connection database = DatabaseLimit.connect(BenchSettings.fromSystemProperties())) {
            SyntheticLogs.dropAllButKeptLogs(database);
        }
    }
}
