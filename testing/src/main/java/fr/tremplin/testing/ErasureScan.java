package fr.tremplin.testing;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Proves an erasure complete (issue 10): scans every text, varchar, char, json, jsonb, array and uuid column of every
 * table of the service's test database for the texts written about a person (or their id, where the service must
 * not keep it), so that a column added later is scanned too.
 * A test first checks that the scan sees the texts before the erasure (a scan that cannot fail proves nothing), then
 * that {@link #columnsHolding} finds none of them after.
 */
public final class ErasureScan {

    private ErasureScan() {
    }

    /** "table.column" of every scanned column (text, varchar, char, json, jsonb, arrays, uuid) of the service's tables. */
    public static List<String> textColumns() {
        try (Connection connection = connect()) {
            return textColumns(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("could not list the columns of the test database", e);
        }
    }

    /** "table.column" of every scanned column holding {@code text} (as a substring of its text form) in some row. */
    public static List<String> columnsHolding(String text) {
        List<String> found = new ArrayList<>();
        try (Connection connection = connect()) {
            for (String column : textColumns(connection)) {
                String[] parts = column.split("\\.", 2);
                try (PreparedStatement scan = connection.prepareStatement("SELECT count(*) FROM \"" + parts[0]
                        + "\" WHERE strpos(CAST(\"" + parts[1] + "\" AS text), ?) > 0")) {
                    scan.setString(1, text);
                    try (ResultSet rs = scan.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            found.add(column);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not scan the test database", e);
        }
        return found;
    }

    /** One line per text found: {@code table.column holds "text"}; empty when none of the texts is left anywhere. */
    public static List<String> leftOf(Collection<String> texts) {
        List<String> left = new ArrayList<>();
        for (String text : texts) {
            columnsHolding(text).forEach(column -> left.add(column + " holds \"" + text + "\""));
        }
        return left;
    }

    private static List<String> textColumns(Connection connection) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT c.table_name, c.column_name "
                + "FROM information_schema.columns c JOIN information_schema.tables t "
                + "ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE' "
                + "WHERE c.table_schema = current_schema() "
                + "AND c.data_type IN ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY', 'uuid') "
                + "AND c.table_name NOT IN ('flyway_schema_history', 'spatial_ref_sys') "
                + "ORDER BY c.table_name, c.ordinal_position");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                columns.add(rs.getString(1) + "." + rs.getString(2));
            }
        }
        return columns;
    }

    private static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres");
        String password = config.getOptionalValue("quarkus.datasource.password", String.class).orElse("");
        return DriverManager.getConnection(url, user, password);
    }
}
