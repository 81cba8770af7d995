package fr.tremplin.common.events;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The listener takes tremplin.notifications.jdbc-url over the datasource's URL (a deployment behind a
 * transaction-mode PgBouncer points it at the primary): here the datasource's URL leads nowhere, so a pass that a
 * notification wakes proves the listener connected through the other. Needs the local PostgreSQL (bin/infra).
 */
class NotifiedLoopTest {

    private static final String DIRECT = "jdbc:postgresql://127.0.0.1:5432/postgres";

    @BeforeAll
    static void settings() {
        System.setProperty("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:1/nowhere");
        System.setProperty("tremplin.notifications.jdbc-url", DIRECT);
        System.setProperty("quarkus.datasource.username", "postgres");
    }

    @AfterAll
    static void clear() {
        System.clearProperty("quarkus.datasource.jdbc.url");
        System.clearProperty("tremplin.notifications.jdbc-url");
        System.clearProperty("quarkus.datasource.username");
    }

    @Test
    void aNotificationWakesTheLoopThroughItsOwnUrl() throws Exception {
        AtomicInteger passes = new AtomicInteger();
        CountDownLatch woken = new CountDownLatch(2);
        NotifiedLoop loop = NotifiedLoop.start("notified-loop-test", "notified_loop_test", Duration.ofMinutes(5), () -> {
            passes.incrementAndGet();
            woken.countDown();
            return Duration.ofMinutes(5); // no fallback pass within the test: only a notification wakes it
        });
        try (Connection connection = DriverManager.getConnection(DIRECT, "postgres", "");
             Statement sql = connection.createStatement()) {
            // the first pass runs once the LISTEN is in place; notify until the second comes
            for (int i = 0; i < 50 && woken.getCount() > 0; i++) {
                sql.execute("SELECT pg_notify('notified_loop_test', '')");
                woken.await(100, TimeUnit.MILLISECONDS);
            }
        } finally {
            loop.stop(Duration.ofSeconds(5));
        }
        assertThat(woken.getCount()).as("passes: %s", passes.get()).isZero();
    }
}
