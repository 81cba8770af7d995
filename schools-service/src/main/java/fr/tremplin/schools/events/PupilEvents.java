package fr.tremplin.schools.events;

import fr.tremplin.common.events.Outbox;
import fr.tremplin.common.events.Topics;
import fr.tremplin.schools.domain.Priority;
import fr.tremplin.schools.domain.Pupil;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code pupil.enrolled}, {@code pupil.updated}, {@code pupil.erased} on {@code tremplin.schools.v1}, keyed by the
 * school's UAI. The payload is what another service needs to check a candidacy (school, priority, class) and
 * never a name: the pupil is only their id.
 */
@ApplicationScoped
public class PupilEvents {

    public static final String ENROLLED = "pupil.enrolled";
    public static final String UPDATED = "pupil.updated";
    public static final String ERASED = "pupil.erased";

    private final Outbox outbox;

    public PupilEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public record Payload(UUID pupilId, String uai, String priority, UUID classId, String schoolYear,
                          Instant occurredAt) {
    }

    public void emit(String type, Pupil pupil, Priority schoolPriority) {
        Payload payload = new Payload(pupil.id, pupil.uai, schoolPriority.name(), pupil.classId, pupil.schoolYear,
                Instant.now());
        outbox.publish(Topics.SCHOOLS, pupil.uai, type, "schools/" + pupil.uai + "/pupils/" + pupil.id, payload);
    }
}
