package fr.tremplin.applications.service;

import java.time.Duration;
import java.util.Optional;

/** A sending loop's period as configured: {@code 1s}, {@code 0.5s}, {@code PT10S}, or none for {@code off}. */
public final class Every {

    private Every() {
    }

    public static Optional<Duration> parse(String every) {
        String value = every.trim();
        if (value.equalsIgnoreCase("off") || value.equalsIgnoreCase("disabled")) {
            return Optional.empty();
        }
        return Optional.of(Duration.parse(value.toUpperCase().startsWith("P") ? value : "PT" + value));
    }
}
