package fr.tremplin.testing.events;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every row of the service's {@code outbox_event} table checked against {@link EventContract}, with the headers
 * {@code OutboxRelay} sends for it (CloudEvents attributes from the row, the service's source, the row's own extra
 * headers). {@code DatabaseCleaner} runs it after each test class, just before it empties the tables: every event
 * a test class made the service write is checked, whether or not the relay had published it yet.
 */
public final class OutboxContractCheck {

    private static final int SHOWN = 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OutboxContractCheck() {
    }

    /** The violations of every outbox row, as lines naming the event type, id and field; empty when all hold. */
    public static List<String> violations(Connection connection, String source) throws SQLException {
        if (!hasOutbox(connection)) {
            return List.of();
        }
        EventContract contract = EventContract.load();
        List<String> found = new ArrayList<>();
        try (Statement sql = connection.createStatement();
             ResultSet rs = sql.executeQuery("SELECT id, topic, message_key, type, subject, headers::text, "
                     + "payload::text, created_at FROM outbox_event ORDER BY seq")) {
            while (rs.next()) {
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("ce_specversion", "1.0");
                headers.put("ce_id", rs.getString(1));
                headers.put("ce_source", source);
                headers.put("ce_type", rs.getString(4));
                headers.put("ce_time", DateTimeFormatter.ISO_INSTANT.format(rs.getTimestamp(8).toInstant()));
                if (rs.getString(5) != null) {
                    headers.put("ce_subject", rs.getString(5));
                }
                headers.put("content-type", "application/json");
                headers.put("ce_datacontenttype", "application/json");
                if (rs.getString(6) != null) {
                    headers.putAll(JSON.readValue(rs.getString(6), new TypeReference<Map<String, String>>() { }));
                }
                found.addAll(contract.violations(rs.getString(2), rs.getString(3), headers, rs.getString(7)));
            }
        }
        return found;
    }

    /** An AssertionError listing the first violations, or nothing. */
    public static void failOn(List<String> violations, String testClass) {
        if (violations.isEmpty()) {
            return;
        }
        List<String> shown = violations.subList(0, Math.min(SHOWN, violations.size()));
        throw new AssertionError(violations.size() + " event(s) written by the service during " + testClass
                + " break the event contract (docs/events):\n  " + String.join("\n  ", shown)
                + (violations.size() > SHOWN ? "\n  ..." : ""));
    }

    private static boolean hasOutbox(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet tables = meta.getTables(null, "public", "outbox_event", new String[] {"TABLE"})) {
            return tables.next();
        }
    }
}
