package fr.tremplin.schools.events;

import fr.tremplin.common.events.Outbox;
import fr.tremplin.common.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * {@code class.main-teacher-assigned} and {@code class.main-teacher-unassigned} on {@code tremplin.schools.v1}
 * (keyed by the school's UAI, so that one school's assignments stay in order): a MAIN_TEACHER membership starts or
 * stops leading a class. applications-service keeps them so that a main teacher's classes are, there too, their
 * token's {@code classes} claim and the classes their principal recorded. The person is their token's {@code sub};
 * no name.
 */
@ApplicationScoped
public class ClassTeacherEvents {

    public static final String ASSIGNED = "class.main-teacher-assigned";
    public static final String UNASSIGNED = "class.main-teacher-unassigned";

    private final Outbox outbox;

    public ClassTeacherEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public record Payload(String uai, UUID classId, String personId, Instant occurredAt) {
    }

    /** The events that take a main teacher from leading {@code before} to leading {@code after}: ends first. */
    public void changed(String uai, String personId, Collection<UUID> before, Collection<UUID> after) {
        Set<UUID> ended = new LinkedHashSet<>(before);
        ended.removeAll(after);
        Set<UUID> started = new LinkedHashSet<>(after);
        started.removeAll(before);
        ended.forEach(classId -> emit(UNASSIGNED, uai, classId, personId));
        started.forEach(classId -> emit(ASSIGNED, uai, classId, personId));
    }

    private void emit(String type, String uai, UUID classId, String personId) {
        outbox.publish(Topics.SCHOOLS, uai, type, "schools/" + uai + "/classes/" + classId,
                new Payload(uai, classId, personId, Instant.now()));
    }
}
