package fr.tremplin.offers.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.tremplin.common.events.Outbox;
import fr.tremplin.common.events.Topics;
import fr.tremplin.offers.api.ProgrammeDefinition;
import fr.tremplin.offers.domain.Offer;
import fr.tremplin.offers.domain.OfferKind;
import fr.tremplin.offers.domain.OfferWeek;
import fr.tremplin.offers.domain.Programme;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The offer events of docs/ARCHITECTURE.md §3, keyed by offer id. The payload carries what applications-service needs to
 * keep its seats and rules without calling back: weeks, capacity, reservation, département, ministry, status; and its
 * {@code kind}, with, for a collective programme only, its {@code programme} definition (absent for an offer).
 */
@ApplicationScoped
public class OfferEvents {

    public static final String PUBLISHED = "offer.published";
    public static final String UPDATED = "offer.updated";
    public static final String UNPUBLISHED = "offer.unpublished";
    public static final String REMOVED = "offer.removed";

    private final Outbox outbox;

    public OfferEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public record Payload(UUID offerId, String title, String status, UUID organisationId, String organisationName,
                          boolean publicSector, String ministryCode, String sectorId, String department,
                          String academy, String zipcode, String city, String schoolYear, List<Week> weeks,
                          int capacityPerWeek, int maxGroupSize, String reservation, String reservedSchoolUai,
                          String operator, String externalRef, String kind,
                          @JsonInclude(JsonInclude.Include.NON_NULL) ProgrammeDefinition programme, int version,
                          Instant occurredAt) {
    }

    public record Week(String week, String startsOn) {
    }

    public void emit(String type, Offer offer) {
        Payload payload = new Payload(offer.id, offer.title, offer.status.name(), offer.organisationId,
                offer.organisationName, offer.publicSector, offer.ministryCode, offer.sectorId, offer.department,
                offer.academy, offer.zipcode, offer.city, offer.schoolYear,
                offer.weeks.stream().map(OfferEvents::week).toList(), offer.capacityPerWeek, offer.maxGroupSize,
                offer.reservation.name(), offer.reservedSchoolUai, offer.operator, offer.externalRef,
                offer.kind.name(), programme(offer), offer.version, Instant.now());
        outbox.publish(Topics.OFFERS, offer.id.toString(), type, "offers/" + offer.id, payload);
    }

    private static ProgrammeDefinition programme(Offer offer) {
        if (offer.kind != OfferKind.PROGRAMME) {
            return null;
        }
        Programme programme = Programme.findById(offer.id);
        if (programme == null) {
            throw new IllegalStateException("programme offer " + offer.id + " has no definition");
        }
        return ProgrammeDefinition.of(programme);
    }

    private static Week week(OfferWeek week) {
        return new Week(week.week, week.startsOn.toString());
    }
}
