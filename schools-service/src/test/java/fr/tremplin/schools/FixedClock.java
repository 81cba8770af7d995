package fr.tremplin.schools;

import fr.tremplin.common.calendar.SchoolCalendar;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Replaces the service's clock in tests so that they never depend on the real date: the day is fixed on
 * {@link #DEFAULT} (early in a school year, so that its internship weeks are all ahead) unless a test fixes another
 * one (and resets it afterwards). Fixtures take the current school year from {@link #today()}.
 */
@Alternative
@Priority(1)
@Singleton
public class FixedClock extends Clock {

    /** Monday 5 October 2026: the school year 2026-2027, none of its weeks from 2026-W42 on begun. */
    public static final Instant DEFAULT = Instant.parse("2026-10-05T08:00:00Z");

    private static volatile Instant fixed = DEFAULT;

    public static void fix(Instant instant) {
        fixed = instant;
    }

    public static void reset() {
        fixed = DEFAULT;
    }

    public static LocalDate today() {
        return LocalDate.ofInstant(fixed, SchoolCalendar.ZONE);
    }

    @Override
    public Instant instant() {
        return fixed;
    }

    @Override
    public ZoneId getZone() {
        return SchoolCalendar.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
