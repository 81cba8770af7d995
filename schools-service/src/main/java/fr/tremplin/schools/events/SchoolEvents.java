package fr.tremplin.schools.events;

import fr.tremplin.common.events.Outbox;
import fr.tremplin.common.events.Topics;
import fr.tremplin.schools.domain.Academy;
import fr.tremplin.schools.domain.DeclaredWeek;
import fr.tremplin.schools.domain.School;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/**
 * {@code school.registered} and {@code school.updated} on {@code tremplin.schools.v1} (keyed by UAI), with what
 * offers-service and applications-service keep of a school: priority, territory, declared weeks and the 3e count
 * its principal declared ({@code thirdYearPupils}, null until declared: what a programme's seats are shared by).
 */
@ApplicationScoped
public class SchoolEvents {

    public static final String REGISTERED = "school.registered";
    public static final String UPDATED = "school.updated";

    private final Outbox outbox;

    public SchoolEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** {@code academy} is the académie's name ("Lille"), as the other services write it. */
    public record Payload(String uai, String name, String city, String department, String academy, String bassin,
                          String priority, List<String> declaredWeeks, Integer thirdYearPupils, Instant occurredAt) {
    }

    public void emit(String type, School school) {
        Academy academy = Academy.findById(school.academyCode);
        List<String> weeks = school.weeks.stream().map((DeclaredWeek w) -> w.week).sorted().distinct().toList();
        Payload payload = new Payload(school.uai, school.name, school.city, school.departmentCode,
                academy == null ? school.academyCode : academy.name, school.bassinId, school.priority.name(), weeks,
                school.thirdYearPupils, Instant.now());
        outbox.publish(Topics.SCHOOLS, school.uai, type, "schools/" + school.uai, payload);
    }
}
