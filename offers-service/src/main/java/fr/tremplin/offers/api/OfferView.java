package fr.tremplin.offers.api;

import fr.tremplin.common.web.Versioned;
import fr.tremplin.offers.domain.Offer;
import fr.tremplin.offers.domain.OfferKind;
import fr.tremplin.offers.domain.OfferStatus;
import fr.tremplin.offers.domain.Reservation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An offer as every reader sees it; {@code freeSeats} per week come from the confirmed candidacies. {@code kind}
 * PROGRAMME: a collective programme, whose definition is read at {@code GET /api/v1/programmes/{id}}.
 */
public record OfferView(UUID id, String title, String description, String sectorId, UUID organisationId,
                        String organisationName, boolean publicSector, String ministryCode, Address address,
                        String schoolYear, List<WeekView> weeks, int capacityPerWeek, int maxGroupSize,
                        Reservation reservation, String reservedSchoolUai, OfferStatus status, OfferKind kind,
                        String operator,
                        String externalRef, Instant createdAt, Instant updatedAt, int version) implements Versioned {

    @Schema(name = "OfferAddress", description = "Where the internship takes place")
    public record Address(String street, String zipcode, String city, String department, String academy,
                          double latitude, double longitude) {
    }

    @Schema(name = "OfferWeekView")
    public record WeekView(String week, int freeSeats) {
    }

    /** The free seats per week: they change with confirmations, which do not touch the version. */
    @Override
    public Object[] derivedParts() {
        return new Object[] {weeks.stream().map(w -> w.week() + "=" + w.freeSeats()).toList()};
    }

    public static OfferView of(Offer offer, Map<String, Integer> takenByWeek) {
        List<WeekView> weeks = offer.weeks.stream()
                .map(w -> new WeekView(w.week, Math.max(0, offer.capacityPerWeek - takenByWeek.getOrDefault(w.week, 0))))
                .toList();
        return new OfferView(offer.id, offer.title, offer.description, offer.sectorId, offer.organisationId,
                offer.organisationName, offer.publicSector, offer.ministryCode,
                new Address(offer.street, offer.zipcode, offer.city, offer.department, offer.academy,
                        offer.latitude, offer.longitude),
                offer.schoolYear, weeks, offer.capacityPerWeek, offer.maxGroupSize, offer.reservation,
                offer.reservedSchoolUai, offer.status, offer.kind, offer.operator, offer.externalRef, offer.createdAt,
                offer.updatedAt, offer.version);
    }
}
