package fr.tremplin.schools.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;
import fr.tremplin.schools.domain.Placement;
import fr.tremplin.schools.domain.Pupil;
import fr.tremplin.schools.domain.SchoolClass;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A pupil still without a secured internship. Names only for the pupil's own school staff; a territorial
 * referent gets the same line without them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "PupilWithoutPlacement")
public record WithoutPlacement(UUID pupilId, String uai, UUID classId, String className, String firstName,
                               String lastName, Placement placement, Instant withoutPlacementSince,
                               long daysWithoutPlacement) {
    public static WithoutPlacement of(Pupil pupil, SchoolClass schoolClass, boolean withNames) {
        return new WithoutPlacement(pupil.id, pupil.uai, pupil.classId, schoolClass.name,
                withNames ? pupil.firstName : null, withNames ? pupil.lastName : null, pupil.placement,
                pupil.withoutPlacementSince,
                Duration.between(pupil.withoutPlacementSince, Instant.now()).toDays());
    }
}
