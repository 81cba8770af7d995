package fr.tremplin.offers.api;

import java.util.List;
import java.util.UUID;

/** One search hit: enough to show a card and a pin on a map; {@code distanceKm} when searching around a point. */
public record OfferSummary(UUID id, String title, String sectorId, String sectorName, String organisationName,
                           boolean publicSector, String ministryCode, String city, String zipcode,
                           String department, double latitude, double longitude, Double distanceKm,
                           String reservation, List<OfferView.WeekView> weeks) {
}
