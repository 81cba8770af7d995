package fr.tremplin.schools.rest;

import fr.tremplin.schools.domain.SchoolClass;
import fr.tremplin.common.calendar.SchoolCalendar;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** Classes as their school's staff read and write them. */
public final class ClassViews {

    private ClassViews() {
    }

    public record ClassView(UUID id, String uai, String name, String schoolYear, long pupils, int version) {
        public static ClassView of(SchoolClass schoolClass, long pupils) {
            return new ClassView(schoolClass.id, schoolClass.uai, schoolClass.name, schoolClass.schoolYear, pupils,
                    schoolClass.version);
        }
    }

    /** A new class: "3e B" for 2026-2027. */
    public record ClassRequest(
            @NotBlank @Size(max = 40) String name,
            @NotBlank @Pattern(regexp = SchoolCalendar.SCHOOL_YEAR_PATTERN, message = "must look like 2026-2027") String schoolYear) {
    }

    /** Renames a class; {@code version} (or If-Match) is the version edited. */
    public record ClassRename(@NotBlank @Size(max = 40) String name, Integer version) {
    }
}
