package fr.tremplin.common.web;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.jboss.logging.Logger;

/**
 * Counts the refusals of one kind and logs them at most once every ten seconds, with how many there were since the
 * last line. Refusals come by thousands a second when a service is overloaded, and a line for each would add to the
 * load it reports (in an overloaded run, the gateway's warning for each timed-out request took 5.6 % of its CPU).
 * Plain Java, so that the gateway can use it as well as the services.
 */
public final class RefusalLog {

    private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Logger log;
    private final String what;
    private final LongSupplier nanoTime;
    private final AtomicLong sinceLine = new AtomicLong();
    private final AtomicLong lastLine;

    /** {@code what}: the refusals, as the line names them after their count ("API requests refused with 503"). */
    public RefusalLog(Logger log, String what) {
        this(log, what, System::nanoTime);
    }

    RefusalLog(Logger log, String what, LongSupplier nanoTime) {
        this.log = log;
        this.what = what;
        this.nanoTime = nanoTime;
        this.lastLine = new AtomicLong(nanoTime.getAsLong() - INTERVAL_NANOS);
    }

    /** Counts one refusal. Returns the count it logged, or 0 when the last line is less than ten seconds old. */
    public long refused() {
        long count = sinceLine.incrementAndGet();
        long now = nanoTime.getAsLong();
        long last = lastLine.get();
        if (now - last < INTERVAL_NANOS || !lastLine.compareAndSet(last, now)) {
            return 0;
        }
        sinceLine.addAndGet(-count);
        log.warnf("%d %s since the last such line", count, what);
        return count;
    }
}
