import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The benchmark's database, read as the service's role to watch and check what the service did. Each query opens its
 * own connection: there are few (a poll every half second at the most).
 */
final class Database {

    /** Events recorded in the outbox and not yet published to Kafka: zero once the service has caught up. */
    static final String UNPUBLISHED_EVENTS = "SELECT count(*) FROM outbox_event WHERE published_at IS NULL";
    /** Every event the service recorded for tremplin.applications.v1, published or not. */
    static final String APPLICATION_EVENTS =
            "SELECT count(*) FROM outbox_event WHERE topic = '" + EventObserver.TOPIC + "'";

    private interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private final String url;

    Database(String url) {
        this.url = url;
    }

    long scalar(String sql) throws SQLException {
        return query(sql, rows -> {
            rows.next();
            return rows.getLong(1);
        });
    }

    /** The first column of every row. */
    Set<String> strings(String sql) throws SQLException {
        return query(sql, rows -> {
            Set<String> values = new HashSet<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        });
    }

    /** A (key, count) query as a map in key order. */
    Map<String, Long> counts(String sql) throws SQLException {
        return query(sql, rows -> {
            Map<String, Long> counts = new TreeMap<>();
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
            return counts;
        });
    }

    /** The first column of every row, as numbers. */
    java.util.List<Double> doubles(String sql) throws SQLException {
        return query(sql, rows -> {
            java.util.List<Double> values = new java.util.ArrayList<>();
            while (rows.next()) {
                values.add(rows.getDouble(1));
            }
            return values;
        });
    }

    private <T> T query(String sql, Rows<T> reader) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "applications", "applications");
             Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            return reader.read(rows);
        }
    }
}
