package fr.tremplin.offers.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The service's source of "today" for the statistics (open seats are those of weeks after today; the month series
 * stops at the current month), in metropolitan French time; tests replace it to fix the day.
 */
public class ClockProducer {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Produces
    @Singleton
    Clock clock() {
        return Clock.system(PARIS);
    }
}
