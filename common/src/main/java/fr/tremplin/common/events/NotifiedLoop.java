package fr.tremplin.common.events;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.postgresql.Driver;
import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * A thread that runs a pass whenever PostgreSQL notifies a channel, and at the latest after the wait the pass itself
 * returns (its fallback: what no notification announces, such as a failed pass, a retry falling due, or what was
 * committed while the listener reconnected). The writers notify the channel in the statement that writes the work
 * ({@code pg_notify} in a CTE): PostgreSQL delivers it on commit, once per transaction and channel.
 * <p>
 * It listens on a connection of its own, outside the pool: that connection only ever waits, so it should not hold a
 * pooled one for the service's lifetime, and closing it is this class's business. It goes to
 * {@code tremplin.notifications.jdbc-url} where that is set, else to the datasource's URL: behind a transaction-mode
 * PgBouncer (deploy/base/postgres/pooler.yaml) a LISTEN would not stay on one server connection, so the deployment
 * points this one straight at the primary. quarkus-scheduler is not used: it
 * cannot run a job more often than once a second. {@link #stop} waits for the pass under way, so that none runs
 * against a datasource that is shutting down.
 */
public final class NotifiedLoop {

    /** One pass of work; returns the longest wait before the next pass when no notification comes. */
    @FunctionalInterface
    public interface Pass {
        Duration run();
    }

    private static final Logger LOG = Logger.getLogger(NotifiedLoop.class);
    private static final Duration SHORTEST_WAIT = Duration.ofMillis(10);

    private final String name;
    private final String channel;
    private final Duration fallback;
    private final Pass pass;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection listening;

    private NotifiedLoop(String name, String channel, Duration fallback, Pass pass) {
        if (!channel.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain channel name: " + channel);
        }
        this.name = name;
        this.channel = channel;
        this.fallback = fallback;
        this.pass = pass;
        this.thread = new Thread(this::listenAndRun, name);
        this.thread.setDaemon(true);
    }

    /**
     * Starts the thread {@code name}, listening on {@code channel}; {@code fallback} is the wait after a failed pass,
     * and while the listening connection is lost.
     */
    public static NotifiedLoop start(String name, String channel, Duration fallback, Pass pass) {
        NotifiedLoop loop = new NotifiedLoop(name, channel, fallback, pass);
        loop.thread.start();
        return loop;
    }

    /** Whether the loop is still meant to run: a pass that goes on batch after batch stops when this turns false. */
    public boolean running() {
        return running;
    }

    /** Stops listening, and waits up to {@code grace} for the pass under way to end. */
    public void stop(Duration grace) {
        running = false;
        Connection waiting = listening;
        if (waiting != null) {
            try {
                waiting.close(); // wakes the thread out of its wait
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        try {
            thread.join(Math.max(1, grace.toMillis()));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warnf("%s: its pass was still running %s after the stop", name, grace);
        }
    }

    private void listenAndRun() {
        while (running) {
            try (Connection connection = openListenerConnection()) {
                listening = connection;
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + channel);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    Duration wait = runQuietly();
                    if (running) {
                        // returns on a commit's notification, or after the wait
                        notifications.getNotifications((int) Math.min(Integer.MAX_VALUE, wait.toMillis()));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("%s lost its listening connection, polling until it is back: %s", name, Failures.rootMessage(e));
                    runQuietly();
                    pause(fallback);
                }
            } finally {
                listening = null;
            }
        }
    }

    private Duration runQuietly() {
        try {
            Duration wait = pass.run();
            return wait.compareTo(SHORTEST_WAIT) < 0 ? SHORTEST_WAIT : wait;
        } catch (RuntimeException | Error e) {
            if (running) {
                LOG.warnf("%s: a pass failed, trying again in %s: %s", name, fallback, Failures.rootMessage(e));
            }
            return fallback.compareTo(SHORTEST_WAIT) < 0 ? SHORTEST_WAIT : fallback;
        }
    }

    private Connection openListenerConnection() throws SQLException {
        Config settings = ConfigProvider.getConfig();
        Properties properties = new Properties();
        settings.getOptionalValue("quarkus.datasource.username", String.class)
                .ifPresent(user -> properties.setProperty("user", user));
        settings.getOptionalValue("quarkus.datasource.password", String.class)
                .ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("ApplicationName", name);
        String url = settings.getOptionalValue("tremplin.notifications.jdbc-url", String.class)
                .orElseGet(() -> settings.getValue("quarkus.datasource.jdbc.url", String.class));
        Connection connection = new Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("quarkus.datasource.jdbc.url is not a PostgreSQL URL");
        }
        return connection;
    }

    private void pause(Duration wait) {
        try {
            Thread.sleep(Math.max(SHORTEST_WAIT.toMillis(), wait.toMillis()));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
