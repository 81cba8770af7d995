package fr.tremplin.common.persistence;

import org.jboss.logging.Logger;

/**
 * Runs a transaction again when it lost a race ({@link DatabaseFailure#LOST_RACE}): such work is good and must
 * neither fail a request nor send an event to the dead-letter topic. Anything else is rethrown at once.
 */
public final class LostRaces {

    private static final Logger LOG = Logger.getLogger(LostRaces.class);
    private static final int ATTEMPTS = 5;

    private LostRaces() {
    }

    /** {@code what} names the work in the log; never personal data. */
    public static void retry(String what, Runnable transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.run();
                return;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || DatabaseFailure.of(e) != DatabaseFailure.LOST_RACE) {
                    throw e;
                }
                LOG.infof("%s lost a race (attempt %d), retrying: %s", what, attempt, e.getMessage());
                try {
                    Thread.sleep(20L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
