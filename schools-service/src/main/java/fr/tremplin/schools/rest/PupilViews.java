package fr.tremplin.schools.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.tremplin.schools.domain.Gender;
import fr.tremplin.schools.domain.Placement;
import fr.tremplin.schools.domain.Pupil;
import fr.tremplin.schools.domain.SchoolClass;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Pupils as their school's staff and the pupils themselves read and write them. */
public final class PupilViews {

    private PupilViews() {
    }

    public record PupilView(UUID id, String uai, UUID classId, String className, String schoolYear, String firstName,
                            String lastName, Gender gender, Placement placement, Instant withoutPlacementSince,
                            int version) {
        public static PupilView of(Pupil pupil, SchoolClass schoolClass) {
            return new PupilView(pupil.id, pupil.uai, pupil.classId, schoolClass.name, pupil.schoolYear,
                    pupil.firstName, pupil.lastName, pupil.gender, pupil.placement, pupil.withoutPlacementSince,
                    pupil.version);
        }
    }

    /**
     * A pupil still without a secured internship. Names only for the pupil's own school staff; a territorial
     * referent gets the same line without them.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
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

    /** A new pupil of the class: names as the school writes them, gender optional (F, M or X). */
    public record PupilRequest(
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            Gender gender) {
    }

    /** Corrects a pupil or moves them to another class of the same school and year; {@code version} or If-Match. */
    public record PupilUpdate(
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            Gender gender,
            UUID classId,
            Integer version) {
    }
}
