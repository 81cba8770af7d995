package fr.tremplin.testing;

import fr.tremplin.testing.events.OutboxContractCheck;
import io.quarkus.test.junit.callback.QuarkusTestAfterAllCallback;
import io.quarkus.test.junit.callback.QuarkusTestContext;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Empties the service's tables after each test class, so that every class starts from the migrated schema and its
 * reference data ({@code tremplin.test.keep-tables}, comma-separated) whatever the previous class left. Before it
 * does, every event the class made the service write to its outbox is checked against docs/events
 * ({@link OutboxContractCheck}): a broken event fails the class, after the tables are emptied all the same.
 */
public class DatabaseCleaner implements QuarkusTestAfterAllCallback {

    private static final Set<String> ALWAYS_KEPT = Set.of("flyway_schema_history", "spatial_ref_sys");

    @Override
    public void afterAll(QuarkusTestContext context) {
        Config config = ConfigProvider.getConfig();
        String url = config.getOptionalValue("quarkus.datasource.jdbc.url", String.class).orElse(null);
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            return;
        }
        Set<String> kept = new HashSet<>(ALWAYS_KEPT);
        config.getOptionalValues("tremplin.test.keep-tables", String.class).ifPresent(kept::addAll);
        String user = config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres");
        String password = config.getOptionalValue("quarkus.datasource.password", String.class).orElse("");
        String source = config.getOptionalValue("tremplin.outbox.source", String.class).orElseGet(() ->
                "/tremplin/" + config.getOptionalValue("quarkus.application.name", String.class).orElse(""));
        List<String> brokenEvents;
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement sql = connection.createStatement()) {
            brokenEvents = OutboxContractCheck.violations(connection, source);
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
                while (rs.next()) {
                    if (!kept.contains(rs.getString(1))) {
                        tables.add('"' + rs.getString(1) + '"');
                    }
                }
            }
            if (!tables.isEmpty()) {
                sql.execute("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not clean the test database", e);
        }
        Object test = context.getTestInstance();
        OutboxContractCheck.failOn(brokenEvents, test == null ? "a test class" : test.getClass().getSimpleName());
    }
}
