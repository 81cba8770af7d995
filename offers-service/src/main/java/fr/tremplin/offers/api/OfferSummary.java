package fr.tremplin.offers.api;

import fr.tremplin.offers.domain.OfferKind;

import java.util.List;
import java.util.UUID;

/**
 * One search hit: enough to show a card and a pin on a map; {@code distanceKm} when searching around a point;
 * {@code kind} PROGRAMME for a collective programme (its seats are given to schools, pupils do not apply).
 */
public record OfferSummary(UUID id, String title, String sectorId, String sectorName, String organisationName,
                           boolean publicSector, String ministryCode, String city, String zipcode,
                           String department, double latitude, double longitude, Double distanceKm,
                           String reservation, OfferKind kind, List<OfferView.WeekView> weeks) {
}
