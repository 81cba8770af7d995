package fr.tremplin.schools.api;

import fr.tremplin.common.web.Versioned;
import fr.tremplin.schools.domain.Gender;
import fr.tremplin.schools.domain.Placement;
import fr.tremplin.schools.domain.Pupil;
import fr.tremplin.schools.domain.SchoolClass;

import java.time.Instant;
import java.util.UUID;

/** A pupil as their school's staff and the pupil themself read them, with their placement. */
public record PupilView(UUID id, String uai, UUID classId, String className, String schoolYear, String firstName,
                        String lastName, Gender gender, Placement placement, Instant withoutPlacementSince,
                        int version) implements Versioned {
    /** The class's name changes with a rename of the class, which does not touch the pupil's version. */
    @Override
    public Object[] derivedParts() {
        return new Object[] {className};
    }

    public static PupilView of(Pupil pupil, SchoolClass schoolClass) {
        return new PupilView(pupil.id, pupil.uai, pupil.classId, schoolClass.name, pupil.schoolYear,
                pupil.firstName, pupil.lastName, pupil.gender, pupil.placement, pupil.withoutPlacementSince,
                pupil.version);
    }
}
