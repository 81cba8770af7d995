package fr.tremplin.common.persistence;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutagesTest {

    private static RuntimeException failure(String sqlState, String message) {
        return new PersistenceException("JDBC exception", new SQLException(message, sqlState));
    }

    @Test
    void work_waits_for_a_restarting_database_and_then_succeeds() {
        AtomicInteger runs = new AtomicInteger();
        Outages.retry("test", () -> {
            int run = runs.incrementAndGet();
            if (run == 1) {
                throw failure("08006", "An I/O error occurred while sending to the backend.");
            }
            if (run == 2) {
                throw failure("57P03", "the database system is starting up");
            }
        }, 5_000, 10);
        assertThat(runs).hasValue(3);
    }

    @Test
    void a_defect_is_thrown_at_once_and_an_outage_longer_than_the_patience_in_the_end() {
        AtomicInteger defects = new AtomicInteger();
        assertThatThrownBy(() -> Outages.retry("test", () -> {
            defects.incrementAndGet();
            throw failure("42P01", "relation does not exist");
        }, 5_000, 10)).isInstanceOf(PersistenceException.class);
        assertThat(defects).hasValue(1);

        AtomicInteger outage = new AtomicInteger();
        assertThatThrownBy(() -> Outages.retry("test", () -> {
            outage.incrementAndGet();
            throw failure("08001", "Connection refused");
        }, 200, 50)).isInstanceOf(PersistenceException.class);
        assertThat(outage.get()).isBetween(3, 5);
    }
}
