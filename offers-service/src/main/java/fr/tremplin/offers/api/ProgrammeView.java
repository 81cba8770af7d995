package fr.tremplin.offers.api;

import fr.tremplin.common.web.Versioned;
import fr.tremplin.offers.domain.OfferStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A collective programme as its readers see it: its offer (the same id; {@code seatsPerWeek} is the offer's
 * {@code capacityPerWeek}, {@code freeSeats} per week as for any offer) and its definition.
 */
@Schema(name = "ProgrammeView")
public record ProgrammeView(UUID id, String title, String description, String sectorId, UUID organisationId,
                            String organisationName, boolean publicSector, String ministryCode,
                            OfferView.Address address, String schoolYear, List<OfferView.WeekView> weeks,
                            int seatsPerWeek, OfferStatus status, ProgrammeDefinition.Territory territory,
                            ProgrammeDefinition.Weights weights, boolean minimumOneSeatPerSchool, int groupSize,
                            List<ProgrammeDefinition.Service> services, List<ProgrammeDefinition.Day> dayPlan,
                            Instant createdAt, Instant updatedAt, int version) implements Versioned {

    @Override
    public Object[] derivedParts() {
        return new Object[] {weeks.stream().map(w -> w.week() + "=" + w.freeSeats()).toList()};
    }

    public static ProgrammeView of(OfferView offer, ProgrammeDefinition programme) {
        return new ProgrammeView(offer.id(), offer.title(), offer.description(), offer.sectorId(),
                offer.organisationId(), offer.organisationName(), offer.publicSector(), offer.ministryCode(),
                offer.address(), offer.schoolYear(), offer.weeks(), offer.capacityPerWeek(), offer.status(),
                programme.territory(), programme.weights(), programme.minimumOneSeatPerSchool(),
                programme.groupSize(), programme.services(), programme.dayPlan(), offer.createdAt(),
                offer.updatedAt(), offer.version());
    }
}
