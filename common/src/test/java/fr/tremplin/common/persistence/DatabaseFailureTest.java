package fr.tremplin.common.persistence;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseFailureTest {

    private static RuntimeException wrapped(String sqlState, String message) {
        return new PersistenceException("could not execute statement", new SQLException(message, sqlState));
    }

    @Test
    void races_a_new_attempt_may_win() {
        assertThat(DatabaseFailure.of(wrapped("40001", "could not serialize access"))).isEqualTo(DatabaseFailure.LOST_RACE);
        assertThat(DatabaseFailure.of(wrapped("40P01", "deadlock detected"))).isEqualTo(DatabaseFailure.LOST_RACE);
        assertThat(DatabaseFailure.of(wrapped("55P03", "lock not available"))).isEqualTo(DatabaseFailure.LOST_RACE);
        assertThat(DatabaseFailure.of(new RuntimeException(new OptimisticLockException("stale"))))
                .isEqualTo(DatabaseFailure.LOST_RACE);
    }

    @Test
    void constraints_the_data_now_breaks() {
        assertThat(DatabaseFailure.of(wrapped("23505", "duplicate key"))).isEqualTo(DatabaseFailure.CONSTRAINT);
        assertThat(DatabaseFailure.of(wrapped("23514", "violates check constraint"))).isEqualTo(DatabaseFailure.CONSTRAINT);
    }

    @Test
    void an_exhausted_pool_is_busy_and_anything_else_is_a_defect() {
        assertThat(DatabaseFailure.of(new RuntimeException(new SQLException(
                "Sorry, acquisition timeout!")))).isEqualTo(DatabaseFailure.BUSY);
        assertThat(DatabaseFailure.of(wrapped("42P01", "relation does not exist"))).isEqualTo(DatabaseFailure.OTHER);
        assertThat(DatabaseFailure.of(new IllegalStateException("bug"))).isEqualTo(DatabaseFailure.OTHER);
    }

    @Test
    void a_database_gone_or_restarting_is_unavailable() {
        // what pgjdbc throws for a connection the server's restart broke, and the server's own refusals meanwhile
        assertThat(DatabaseFailure.of(wrapped("08006", "An I/O error occurred while sending to the backend.")))
                .isEqualTo(DatabaseFailure.UNAVAILABLE);
        assertThat(DatabaseFailure.of(wrapped("08001", "Connection to 127.0.0.1:5432 refused.")))
                .isEqualTo(DatabaseFailure.UNAVAILABLE);
        assertThat(DatabaseFailure.of(wrapped("57P01", "terminating connection due to administrator command")))
                .isEqualTo(DatabaseFailure.UNAVAILABLE);
        assertThat(DatabaseFailure.of(wrapped("57P03", "the database system is starting up")))
                .isEqualTo(DatabaseFailure.UNAVAILABLE);
    }

    @Test
    void a_commit_cut_off_by_a_database_restart_is_unavailable() {
        // what Narayana throws when the connection breaks during the commit: the driver's error only as suppressed
        Exception rollback = new jakarta.transaction.RollbackException("ARJUNA016053: Could not commit transaction.");
        Exception xa = new javax.transaction.xa.XAException("Error trying to transactionCommit local transaction");
        xa.initCause(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        rollback.addSuppressed(xa);
        assertThat(DatabaseFailure.of(new RuntimeException(rollback))).isEqualTo(DatabaseFailure.UNAVAILABLE);
        assertThat(DatabaseFailure.of(new RuntimeException(
                new jakarta.transaction.RollbackException("rolled back")))).isEqualTo(DatabaseFailure.OTHER);
    }

    @Test
    void a_lost_race_is_run_again_until_it_wins() {
        AtomicInteger runs = new AtomicInteger();
        LostRaces.retry("test", () -> {
            if (runs.incrementAndGet() < 3) {
                throw wrapped("40P01", "deadlock detected");
            }
        });
        assertThat(runs).hasValue(3);
    }

    @Test
    void anything_else_is_thrown_at_once_and_a_race_lost_five_times_too() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> LostRaces.retry("test", () -> {
            runs.incrementAndGet();
            throw wrapped("23505", "duplicate key");
        })).isInstanceOf(PersistenceException.class);
        assertThat(runs).hasValue(1);

        AtomicInteger deadlocks = new AtomicInteger();
        assertThatThrownBy(() -> LostRaces.retry("test", () -> {
            deadlocks.incrementAndGet();
            throw wrapped("40001", "could not serialize access");
        })).isInstanceOf(PersistenceException.class);
        assertThat(deadlocks).hasValue(5);
    }

    @Test
    void a_value_the_database_cannot_store_or_read_is_bad_input() {
        assertThat(DatabaseFailure.of(wrapped("22021", "invalid byte sequence for encoding \"UTF8\": 0x00")))
                .isEqualTo(DatabaseFailure.BAD_INPUT);
        assertThat(DatabaseFailure.of(wrapped("22P05", "unsupported Unicode escape sequence")))
                .isEqualTo(DatabaseFailure.BAD_INPUT);
        assertThat(DatabaseFailure.of(wrapped("22P02", "invalid input syntax for type uuid")))
                .isEqualTo(DatabaseFailure.BAD_INPUT);
        assertThat(DatabaseFailure.of(wrapped("22001", "value too long for type character varying(80)")))
                .isEqualTo(DatabaseFailure.BAD_INPUT);
    }
}
