package fr.tremplin.applications.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When a failed delivery (a webhook, an email) is tried again: after {@code initial}, doubled at each further failure up to
 * {@code max}; a delivery whose next attempt would fall after its retry window ({@code window} from the message, or
 * from its redelivery) is parked instead.
 */
public record RetrySchedule(Duration initial, Duration max, Duration window) {

    /** The wait after the {@code failures}-th failure (1 for the first). */
    public Duration backoff(int failures) {
        Duration wait = initial;
        for (int i = 1; i < failures && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /** After a failure: when the next attempt is, and whether there is none (past the window: parked, FAILED). */
    public record Next(Instant at, boolean givesUp) {
    }

    /** What follows the {@code failures}-th failure at {@code now} of a message retried from {@code retryFrom}. */
    public Next after(Instant retryFrom, int failures, Instant now) {
        return new Next(now.plus(backoff(failures)), parks(retryFrom, failures, now));
    }

    /** Whether a delivery that just failed for the {@code failures}-th time at {@code now} is parked. */
    public boolean parks(Instant retryFrom, int failures, Instant now) {
        return now.plus(backoff(failures)).isAfter(retryFrom.plus(window));
    }
}
