package fr.tremplin.offers.api;

import java.util.UUID;

/** {@code pupil.erased} of {@code tremplin.schools.v1}: the statistics must lose the link to that pupil. */
public record PupilErased(UUID pupilId) implements SchoolEvent {
}
