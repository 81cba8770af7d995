package fr.tremplin.common.calendar;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Every service's one source of "now" and "today" (timers, timestamps, which weeks have begun, the current school
 * year), written once: a test replaces it with a CDI alternative of {@link Clock} (a fixed or movable clock), which
 * this default bean then gives way to.
 */
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.system(SchoolCalendar.ZONE);
    }
}
