package fr.tremplin.offers;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** Replaces the service's clock in tests: real time, unless a test fixes the instant (and resets it afterwards). */
@Alternative
@Priority(1)
@Singleton
public class FixedClock extends Clock {

    private static volatile Instant fixed;

    public static void fix(Instant instant) {
        fixed = instant;
    }

    public static void reset() {
        fixed = null;
    }

    @Override
    public Instant instant() {
        Instant now = fixed;
        return now == null ? Instant.now() : now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneId.of("Europe/Paris");
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
