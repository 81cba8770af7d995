package fr.tremplin.offers.api;

import java.time.Instant;
import java.util.UUID;

/**
 * What offers-service needs of a candidacy event of {@code tremplin.applications.v1} ({@code application.*},
 * {@code agreement.signed}, {@code internship.completed}): the candidacy, the offer and week it is for, its state then,
 * when that was ({@code asOf} orders the events of a candidacy), and for the statistics the pupil (a pseudonymous id,
 * only ever counted) and their school ({@code schoolPriority} {@code REP_PLUS}, {@code REP} or {@code NONE}).
 */
public record CandidacyStateChanged(UUID applicationId, UUID offerId, String week, String state, Instant asOf,
                                    UUID pupilId, String schoolUai, String schoolPriority, String schoolDepartment) {
}
