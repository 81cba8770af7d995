package fr.tremplin.offers.events;

import fr.tremplin.common.events.Outbox;
import fr.tremplin.common.events.Topics;
import fr.tremplin.offers.domain.Offer;
import fr.tremplin.offers.domain.OfferWeek;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The offer events of docs/ARCHITECTURE.md §3, keyed by offer id. The payload carries what applications-service needs to
 * keep its seats and rules without calling back: weeks, capacity, reservation, département, ministry, status.
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
                          String operator, String externalRef, int version, Instant occurredAt) {
    }

    public record Week(String week, String startsOn) {
    }

    public void emit(String type, Offer offer) {
        Payload payload = new Payload(offer.id, offer.title, offer.status.name(), offer.organisationId,
                offer.organisationName, offer.publicSector, offer.ministryCode, offer.sectorId, offer.department,
                offer.academy, offer.zipcode, offer.city, offer.schoolYear,
                offer.weeks.stream().map(OfferEvents::week).toList(), offer.capacityPerWeek, offer.maxGroupSize,
                offer.reservation.name(), offer.reservedSchoolUai, offer.operator, offer.externalRef,
                offer.version, Instant.now());
        outbox.publish(Topics.OFFERS, offer.id.toString(), type, "offers/" + offer.id, payload);
    }

    private static Week week(OfferWeek week) {
        return new Week(week.week, week.startsOn.toString());
    }
}
