package nl.incidents.support.testing;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reads every row of every table of a database as plain text, the way someone with a copy of it would: each column's
 * value as the database gives it, binary columns and large objects as UTF-8. For tests that a text, once erased, is
 * nowhere readable.
 */
public final class RawDatabase {

    private RawDatabase() {
    }

    /**
     * The tables (of the current schema and catalog, views and the database's own catalogue left out) with the
     * number of their rows that contain {@code text} in any column; tables without such rows are left out.
     */
    public static Map<String, Long> rowsContaining(DataSource dataSource, String text) {
        Map<String, Long> found = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (String table : tables(connection)) {
                long rows = 0;
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int column = 1; column <= columns; column++) {
                            row.append(text(rs, column)).append('|');
                        }
                        if (row.indexOf(text) >= 0) {
                            rows++;
                        }
                    }
                }
                if (rows > 0) {
                    found.put(table, rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the database cannot be read", e);
        }
        return found;
    }

    /** The tables of the connection's schema, quoted as the database names them. */
    public static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rs = meta.getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(meta.getIdentifierQuoteString() + rs.getString("TABLE_NAME") + meta.getIdentifierQuoteString());
            }
        }
        if (tables.isEmpty()) {
            throw new IllegalStateException("no tables found in schema " + connection.getSchema());
        }
        return tables;
    }

    private static String text(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (value instanceof java.sql.Blob blob) {
            return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8);
        }
        if (value instanceof java.sql.Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        return String.valueOf(value);
    }
}
