package fr.tremplin.applications.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The service's one source of "now": every timer and timestamp reads this clock, so that a test can move it
 * (see the test module's {@code MovableClock}) instead of waiting fifteen days.
 */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
