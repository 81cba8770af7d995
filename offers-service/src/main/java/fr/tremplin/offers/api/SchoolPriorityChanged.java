package fr.tremplin.offers.api;

import java.time.Instant;

/**
 * What offers-service needs of a {@code school.*} event of {@code tremplin.schools.v1}: the school's UAI, its
 * priority ({@code REP_PLUS}, {@code REP} or {@code NONE}), its département when given, and when that was true.
 */
public record SchoolPriorityChanged(String uai, String priority, String department, Instant asOf)
        implements SchoolEvent {
}
