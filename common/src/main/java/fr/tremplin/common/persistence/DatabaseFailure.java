package fr.tremplin.common.persistence;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import org.hibernate.StaleStateException;

import java.sql.SQLException;
import java.util.Set;

/**
 * What a failed database write means, read from its SQL state (PostgreSQL's codes) or its JPA exception: the one
 * classification behind the problem+json mappers (409 / 400 / 503 / 500) and the consumers' retries.
 */
public enum DatabaseFailure {
    /** Lost a race that a new attempt may win: serialization failure, deadlock, lock not available, stale version. */
    LOST_RACE,
    /** The data now disagrees with the write: a unique or check constraint (created at the same moment, seat taken). */
    CONSTRAINT,
    /**
     * The database refused a value the caller sent: a character it cannot store (NUL: 22021, 22P05), text that does
     * not read as the column's type (a bad UUID or number cast: 22P02, 22007, 22008), a value too long or out of range
     * (22001, 22003). The filters and the strict JSON refuse these earlier; this is the net behind them: a 400.
     */
    BAD_INPUT,
    /** No connection free within the acquisition timeout: overloaded, nothing was written. */
    BUSY,
    /**
     * The database cannot be reached or is not accepting work: a connection broken (SQL state class 08, e.g. the
     * server restarted under it), the server shutting down or starting up (57P01, 57P02, 57P03). Transient: a 503.
     */
    UNAVAILABLE,
    /** Anything else: a defect, logged. */
    OTHER;

    private static final Set<String> LOST_RACE_STATES = Set.of("40001", "40P01", "55P03");
    private static final Set<String> CONSTRAINT_STATES = Set.of("23505", "23514");
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03");
    private static final Set<String> BAD_INPUT_STATES = Set.of("22021", "22P05", "22P02", "22007", "22008", "22001",
            "22003");

    public static DatabaseFailure of(Throwable failure) {
        return of(failure, 0);
    }

    /**
     * Along the causes, and into the suppressed exceptions: a commit that failed reaches us as the transaction
     * manager's RollbackException, with the driver's SQLException only among its suppressed ones.
     */
    private static DatabaseFailure of(Throwable failure, int depth) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (depth < 3) {
                for (Throwable suppressed : cause.getSuppressed()) {
                    DatabaseFailure found = of(suppressed, depth + 1);
                    if (found != OTHER) {
                        return found;
                    }
                }
            }
            if (cause instanceof OptimisticLockException || cause instanceof PessimisticLockException
                    || cause instanceof StaleStateException) {
                return LOST_RACE;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && LOST_RACE_STATES.contains(state)) {
                    return LOST_RACE;
                }
                if (state != null && CONSTRAINT_STATES.contains(state)) {
                    return CONSTRAINT;
                }
                if (state != null && BAD_INPUT_STATES.contains(state)) {
                    return BAD_INPUT;
                }
                if (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state))) {
                    return UNAVAILABLE;
                }
                if (sql.getMessage() != null && sql.getMessage().contains("acquisition timeout")) {
                    return BUSY;
                }
            }
        }
        return OTHER;
    }
}
