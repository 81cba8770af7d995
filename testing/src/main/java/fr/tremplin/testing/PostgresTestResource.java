package fr.tremplin.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The service's own test database on the machine's real PostgreSQL (PostGIS installed by {@code bin/infra}):
 * created with its role when missing, with the extensions a superuser must create; Flyway cleans and migrates it
 * at each application start. Init arg {@code database}: e.g. {@code offers_test}, followed by the environment's
 * {@code TREMPLIN_TEST_DB_SUFFIX} when set (e.g. {@code offers_test_b}).
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        // TREMPLIN_TEST_DB_SUFFIX lets two checkouts run the same module's suite at once, each on its own database
        database = initArgs.getOrDefault("database", "tremplin_test") + env("TREMPLIN_TEST_DB_SUFFIX", "");
        if (!database.matches("[a-z_]+")) {
            throw new IllegalArgumentException("database name must be lower-case letters and underscores");
        }
    }

    @Override
    public Map<String, String> start() {
        String host = env("TREMPLIN_PG_HOST", "127.0.0.1");
        String port = env("TREMPLIN_PG_PORT", "5432");
        String admin = env("TREMPLIN_PG_SUPERUSER", "postgres");
        try {
            provision("jdbc:postgresql://" + host + ":" + port + "/", admin);
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare test database " + database
                    + " (is PostgreSQL with PostGIS up? run bin/infra up)", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + host + ":" + port + "/" + database,
                "quarkus.datasource.username", database,
                "quarkus.datasource.password", database,
                "quarkus.flyway.clean-disabled", "false",
                "quarkus.flyway.clean-at-start", "true",
                "quarkus.flyway.migrate-at-start", "true");
    }

    private void provision(String server, String admin) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server + "postgres", admin, "");
             Statement sql = connection.createStatement()) {
            if (!exists(sql, "SELECT 1 FROM pg_roles WHERE rolname = '" + database + "'")) {
                sql.execute("CREATE ROLE " + database + " LOGIN PASSWORD '" + database + "'");
            }
            if (!exists(sql, "SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                sql.execute("CREATE DATABASE " + database + " OWNER " + database);
            }
        }
        try (Connection connection = DriverManager.getConnection(server + database, admin, "");
             Statement sql = connection.createStatement()) {
            sql.execute("CREATE EXTENSION IF NOT EXISTS postgis");
            sql.execute("CREATE EXTENSION IF NOT EXISTS unaccent");
            sql.execute("ALTER SCHEMA public OWNER TO " + database);
        }
    }

    private static boolean exists(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            return rs.next();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public void stop() {
        // The database stays for inspection; the next run cleans it.
    }
}
