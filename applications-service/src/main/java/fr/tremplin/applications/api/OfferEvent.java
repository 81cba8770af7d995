package fr.tremplin.applications.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * An offer as offers-service last described it on {@code tremplin.offers.v1} (docs/EVENTS.md), whatever the type
 * ({@code offer.published}, {@code .updated}, {@code .unpublished}, {@code .removed}): the whole offer, read and
 * checked by {@code consumers.OfferEventsConsumer}, applied by {@code service.OfferReadModel}.
 *
 * @param version  the offer's version, or null when the event carries none
 * @param asOf     when the change happened (orders the events of one offer when versions are equal or absent)
 * @param status   PUBLISHED, UNPUBLISHED or REMOVED
 * @param weeks    the offered weeks and their Monday, in the event's order; none for a removed offer
 * @param kind      OFFER, or PROGRAMME for a collective programme (issue 13); OFFER when the event carries none
 * @param programme the programme's definition when {@code kind} is PROGRAMME, else null
 */
public record OfferEvent(UUID offerId, Integer version, Instant asOf, String status, String title,
                         UUID organisationId, String organisationName, String ministryCode, String department,
                         String city, String reservation, String reservedSchoolUai, int capacityPerWeek,
                         String schoolYear, Map<String, LocalDate> weeks, String kind,
                         ProgrammeDefinition programme) {
}
