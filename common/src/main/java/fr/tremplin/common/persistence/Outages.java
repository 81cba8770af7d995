package fr.tremplin.common.persistence;

import org.jboss.logging.Logger;

import java.util.function.BooleanSupplier;

/**
 * Runs work again while its database is away ({@link DatabaseFailure#UNAVAILABLE}: restarting, failing over) or has
 * no connection free ({@link DatabaseFailure#BUSY}), for as long as the patience given: a consumer's event must wait
 * for the database's return rather than go to the dead-letter topic. bench/faults' PostgreSQL restart sent five good
 * events there (docs/RELIABILITY.md). Anything else, or an outage longer than the patience, is rethrown.
 */
public final class Outages {

    private static final Logger LOG = Logger.getLogger(Outages.class);

    private Outages() {
    }

    /** {@code what} names the work in the log; never personal data. */
    public static void retry(String what, Runnable work, long patienceMillis, long pauseMillis) {
        long deadline = System.nanoTime() + patienceMillis * 1_000_000;
        retry(what, work, () -> System.nanoTime() + pauseMillis * 1_000_000 > deadline, pauseMillis);
    }

    /**
     * The same, for as long as the database takes to come back: a consumer's good events wait for it rather than go to
     * the dead letters, however long the outage (only an interruption, at shutdown, ends the wait).
     */
    public static void retryUntilBack(String what, Runnable work, long pauseMillis) {
        retry(what, work, () -> false, pauseMillis);
    }

    private static void retry(String what, Runnable work, BooleanSupplier outOfPatience, long pauseMillis) {
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                return;
            } catch (RuntimeException e) {
                DatabaseFailure failure = DatabaseFailure.of(e);
                if ((failure != DatabaseFailure.UNAVAILABLE && failure != DatabaseFailure.BUSY)
                        || outOfPatience.getAsBoolean()) {
                    throw e;
                }
                if (attempt == 1 || attempt % 10 == 0) {
                    LOG.warnf("%s: the database is %s (attempt %d), waiting for it", what,
                            failure == DatabaseFailure.BUSY ? "busy" : "unavailable", attempt);
                }
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
