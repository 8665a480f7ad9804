package io.mensageria.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reads a service's tables for a test's assertions. The services offer no query nobody but a test
 * would call; the test looks at the rows instead.
 */
final class ServiceTables {

    private ServiceTables() {}

    /** The rows the query selects, each a map from column name to value. */
    static List<Map<String, Object>> rows(DataSource database, String sql, Object... parameters) {
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet found = select.executeQuery()) {
                while (found.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int column = 1; column <= found.getMetaData().getColumnCount(); column++) {
                        row.put(found.getMetaData().getColumnLabel(column), found.getObject(column));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read: " + sql, e);
        }
    }

    /** Writes rows a test needs to find there, such as ones from yesterday; answers how many changed. */
    static int write(DataSource database, String sql, Object... parameters) {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write: " + sql, e);
        }
    }
}
