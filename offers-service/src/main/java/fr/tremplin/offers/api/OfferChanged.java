package fr.tremplin.offers.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the statistics need of an {@code offer.*} event of {@code tremplin.offers.v1} (this service's own topic, read
 * back like any consumer would): the offer's status and {@code version} (which orders its events), its dimensions,
 * and the weeks and capacity it then offered. {@code asOf} is when the event happened (a publication's date).
 */
public record OfferChanged(UUID offerId, String status, int version, String schoolYear, String ministryCode,
                           boolean publicSector, String sectorId, String department, List<Week> weeks,
                           int capacityPerWeek, Instant asOf) {

    public static final String PUBLISHED = "PUBLISHED";

    public record Week(String week, LocalDate startsOn) {
    }

    public boolean published() {
        return PUBLISHED.equals(status);
    }
}
