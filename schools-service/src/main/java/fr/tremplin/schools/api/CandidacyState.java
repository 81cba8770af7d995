package fr.tremplin.schools.api;

import java.time.Instant;
import java.util.UUID;

/**
 * This service's copy of one candidacy's state, read from applications-service's events on
 * {@code tremplin.applications.v1}: which pupil, for which week, in which state, as of when (what orders the states
 * of one candidacy). The placement is derived from these.
 */
public record CandidacyState(UUID applicationId, UUID pupilId, String week, String state, Instant asOf) {
}
