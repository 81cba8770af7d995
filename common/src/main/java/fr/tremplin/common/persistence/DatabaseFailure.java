package fr.tremplin.common.persistence;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import org.hibernate.StaleStateException;

import java.sql.SQLException;
import java.util.Set;

/**
 * What a failed database write means, read from its SQL state (PostgreSQL's codes) or its JPA exception: the one
 * classification behind the problem+json mappers (409 / 503 / 500) and the consumers' retries.
 */
public enum DatabaseFailure {
    /** Lost a race that a new attempt may win: serialization failure, deadlock, lock not available, stale version. */
    LOST_RACE,
    /** The data now disagrees with the write: a unique or check constraint (created at the same moment, seat taken). */
    CONSTRAINT,
    /** No connection free within the acquisition timeout: overloaded, nothing was written. */
    BUSY,
    /** Anything else: a defect, logged. */
    OTHER;

    private static final Set<String> LOST_RACE_STATES = Set.of("40001", "40P01", "55P03");
    private static final Set<String> CONSTRAINT_STATES = Set.of("23505", "23514");

    public static DatabaseFailure of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
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
                if (sql.getMessage() != null && sql.getMessage().contains("acquisition timeout")) {
                    return BUSY;
                }
            }
        }
        return OTHER;
    }
}
