package fr.tremplin.gateway.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Token buckets per client, in memory. Each gateway instance counts for itself: with N instances behind a load
 * balancer a client gets up to N times the configured rate, which is acceptable for abuse protection.
 */
public final class RateLimiter {

    /** A sustained rate and the burst allowed on top of it. */
    public record Limit(double requestsPerSecond, int burst) {
        public Limit {
            if (requestsPerSecond <= 0 || burst < 1) {
                throw new IllegalArgumentException("a rate limit needs a positive rate and a burst of at least 1");
            }
        }
    }

    /** Either allowed, or refused with the whole seconds the client should wait. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
        static final Decision ALLOWED = new Decision(true, 0);
    }

    private static final long SWEEP_EVERY = TimeUnit.SECONDS.toNanos(60);

    private final Limit anonymous;
    private final Limit authenticated;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep;

    public RateLimiter(Limit anonymous, Limit authenticated, LongSupplier clock) {
        this.anonymous = anonymous;
        this.authenticated = authenticated;
        this.clock = clock;
        this.lastSweep = new AtomicLong(clock.getAsLong());
    }

    public Decision acquire(String clientKey, boolean isAuthenticated) {
        long now = clock.getAsLong();
        sweepIfDue(now);
        return decision(bucket(clientKey, isAuthenticated, now).tryTake(now));
    }

    /** What {@link #acquire} would answer, without taking a token: for budgets spent only by some outcomes. */
    public Decision peek(String clientKey, boolean isAuthenticated) {
        long now = clock.getAsLong();
        TokenBucket bucket = buckets.get(key(clientKey, isAuthenticated));
        return bucket == null ? Decision.ALLOWED : decision(bucket.waitForToken(now));
    }

    private TokenBucket bucket(String clientKey, boolean isAuthenticated, long now) {
        Limit limit = isAuthenticated ? authenticated : anonymous;
        return buckets.computeIfAbsent(key(clientKey, isAuthenticated),
                k -> new TokenBucket(limit.requestsPerSecond(), limit.burst(), now));
    }

    // Authenticated and anonymous keys are prefixed apart, so a subject can never collide with an address.
    private static String key(String clientKey, boolean isAuthenticated) {
        return (isAuthenticated ? "sub:" : "ip:") + clientKey;
    }

    private static Decision decision(long waitNanos) {
        if (waitNanos == 0) {
            return Decision.ALLOWED;
        }
        return new Decision(false, Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
    }

    int trackedClients() {
        return buckets.size();
    }

    // Forgetting full buckets bounds memory by the clients active in the last minute, without a timer.
    private void sweepIfDue(long now) {
        long last = lastSweep.get();
        if (now - last >= SWEEP_EVERY && lastSweep.compareAndSet(last, now)) {
            buckets.entrySet().removeIf(entry -> entry.getValue().isFull(now));
        }
    }
}
