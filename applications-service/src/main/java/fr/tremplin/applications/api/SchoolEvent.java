package fr.tremplin.applications.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What this service keeps from {@code tremplin.schools.v1} (docs/EVENTS.md): a school's description, a pupil's school
 * and class, a pupil's erasure, a main teacher's assignment to a class. Read and checked by {@code consumers.SchoolEventsConsumer}, applied by
 * {@code service.SchoolReadModel}. Never a person's name.
 */
public sealed interface SchoolEvent {

    /** When the change happened: orders the events of one school or pupil. */
    Instant asOf();

    /**
     * {@code school.registered}, {@code school.updated}: its name and city (for the agreement's document), its priority, département, bassin, declared weeks and the
     * 3e headcount its principal declared ({@code thirdYearPupils}, null when not declared).
     */
    record SchoolChanged(String uai, String name, String city, String priority, String department, String academy, String bassin,
                         List<String> declaredWeeks, Integer thirdYearPupils, Instant asOf) implements SchoolEvent {
    }

    /** {@code pupil.enrolled}, {@code pupil.updated}: the pupil's school and class. */
    record PupilChanged(UUID pupilId, String uai, String classId, String priority, String schoolYear, Instant asOf)
            implements SchoolEvent {
    }

    /**
     * {@code class.main-teacher-assigned} ({@code leads}) and {@code class.main-teacher-unassigned}: the person (their
     * token's {@code sub}) starts or stops leading the class, as their principal recorded it.
     */
    record ClassTeacherChanged(String uai, String classId, String personId, boolean leads, Instant asOf)
            implements SchoolEvent {
    }

    /** {@code pupil.erased}: the pupil is gone for good (GDPR). */
    record PupilErased(UUID pupilId, Instant asOf) implements SchoolEvent {
    }
}
