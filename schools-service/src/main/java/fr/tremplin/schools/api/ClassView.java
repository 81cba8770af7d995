package fr.tremplin.schools.api;

import fr.tremplin.schools.domain.SchoolClass;

import java.util.UUID;

/** A class as its school's staff read it, with its number of pupils; {@code version} is its ETag. */
public record ClassView(UUID id, String uai, String name, String schoolYear, long pupils, int version) {
    public static ClassView of(SchoolClass schoolClass, long pupils) {
        return new ClassView(schoolClass.id, schoolClass.uai, schoolClass.name, schoolClass.schoolYear, pupils,
                schoolClass.version);
    }
}
