package fr.tremplin.offers.api;

import java.time.Instant;
import java.util.UUID;

/**
 * What offers-service needs of an {@code application.*} event of {@code tremplin.applications.v1}: the candidacy,
 * the offer and week it is for, its state then, and when that was ({@code asOf} orders the events of a candidacy).
 */
public record CandidacyStateChanged(UUID applicationId, UUID offerId, String week, String state, Instant asOf) {
}
