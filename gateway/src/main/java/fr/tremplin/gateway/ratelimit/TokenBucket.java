package fr.tremplin.gateway.ratelimit;

/**
 * A bucket refilled continuously at a fixed rate up to its capacity; each request takes one token.
 * Time is passed in (nanoseconds) so that the arithmetic can be tested without sleeping.
 */
final class TokenBucket {

    private final double tokensPerNano;
    private final double capacity;
    private double tokens;
    private long updatedAt;

    TokenBucket(double tokensPerSecond, int capacity, long now) {
        this.tokensPerNano = tokensPerSecond / 1e9;
        this.capacity = capacity;
        this.tokens = capacity;
        this.updatedAt = now;
    }

    /** Takes a token if there is one; otherwise answers how many nanoseconds until there will be. */
    synchronized long tryTake(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / tokensPerNano);
    }

    /** Like {@link #tryTake} without taking: 0 when a token is there, else the nanoseconds until there will be. */
    synchronized long waitForToken(long now) {
        refill(now);
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / tokensPerNano);
    }

    /** A full bucket behaves exactly like a new one, so it can be forgotten. */
    synchronized boolean isFull(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        long elapsed = now - updatedAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
            updatedAt = now;
        }
    }
}
