package fr.tremplin.common.web;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code limit} requests inside at once: a request takes a place if one is free, or is refused at once; it
 * never waits for one. Plain Java, so that a service ({@link AdmissionLimit}) and the gateway (its bound for each
 * upstream) count the same way.
 */
public final class InFlightLimit {

    private final int limit;
    private final AtomicInteger inFlight = new AtomicInteger();

    public InFlightLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a limit of requests in flight must be at least 1, not " + limit);
        }
        this.limit = limit;
    }

    /** Takes a place if one is free. */
    public boolean tryEnter() {
        while (true) {
            int current = inFlight.get();
            if (current >= limit) {
                return false;
            }
            if (inFlight.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    /** Gives back a place taken by {@link #tryEnter()}; once for each place taken. */
    public void leave() {
        inFlight.decrementAndGet();
    }

    public int inFlight() {
        return inFlight.get();
    }
}
