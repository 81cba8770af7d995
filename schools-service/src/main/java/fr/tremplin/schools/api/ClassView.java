package fr.tremplin.schools.api;

import fr.tremplin.common.web.Versioned;
import fr.tremplin.schools.domain.SchoolClass;

import java.util.UUID;

/** A class as its school's staff read it, with its number of pupils; {@code version} is its ETag. */
public record ClassView(UUID id, String uai, String name, String schoolYear, long pupils, int version) implements Versioned {
    /** The number of pupils changes with enrolments, which do not touch the class's version. */
    @Override
    public Object[] derivedParts() {
        return new Object[] {pupils};
    }

    public static ClassView of(SchoolClass schoolClass, long pupils) {
        return new ClassView(schoolClass.id, schoolClass.uai, schoolClass.name, schoolClass.schoolYear, pupils,
                schoolClass.version);
    }
}
