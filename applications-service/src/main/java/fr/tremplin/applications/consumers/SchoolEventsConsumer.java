package fr.tremplin.applications.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import fr.tremplin.applications.api.SchoolEvent;
import fr.tremplin.applications.service.SchoolReadModel;
import fr.tremplin.common.calendar.SchoolCalendar;
import fr.tremplin.common.events.EventHandler;
import fr.tremplin.common.events.EventIntake;
import fr.tremplin.common.events.IncomingEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code tremplin.schools.v1} into the schools and pupils read models ({@link SchoolReadModel}), through
 * tremplin-common's one consumer recipe ({@link EventIntake}: idempotence, lost races retried, poison to
 * {@code tremplin.schools.v1.dlq}). This class only reads an event into a {@link SchoolEvent}: {@code school.*} a
 * school, {@code pupil.erased} an erasure, any other {@code pupil.*} a pupil's school and class,
 * {@code class.main-teacher-assigned} / {@code -unassigned} a main teacher's class.
 */
@ApplicationScoped
public class SchoolEventsConsumer implements EventHandler<SchoolEvent> {

    /** The name its processed event ids are recorded under (unchanged, so that those already recorded still count). */
    public static final String NAME = "applications-service.schools";
    public static final String MAIN_TEACHER_ASSIGNED = "class.main-teacher-assigned";
    public static final String MAIN_TEACHER_UNASSIGNED = "class.main-teacher-unassigned";

    private final EventIntake intake;
    private final SchoolReadModel schools;

    public SchoolEventsConsumer(EventIntake intake, SchoolReadModel schools) {
        this.intake = intake;
        this.schools = schools;
    }

    @Incoming("schools")
    @Blocking
    public void onSchoolEvents(ConsumerRecords<String, String> records) {
        intake.consume(records, this);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<SchoolEvent> read(IncomingEvent event) {
        if (event.type().startsWith("school.")) {
            // the payload's uai, else the record's key (schools-service keys its records by UAI)
            String uai = event.text("uai") != null || event.key() == null ? event.required("uai") : event.key();
            return Optional.of(new SchoolEvent.SchoolChanged(uai, event.text("name"), event.text("city"),
                    event.required("priority"),
                    event.text("department"), event.text("academy"), event.text("bassin"), declaredWeeks(event),
                    thirdYearPupils(event), event.asOf()));
        }
        if (MAIN_TEACHER_ASSIGNED.equals(event.type()) || MAIN_TEACHER_UNASSIGNED.equals(event.type())) {
            return Optional.of(new SchoolEvent.ClassTeacherChanged(event.required("uai"),
                    event.requiredUuid("classId").toString(), event.required("personId"),
                    MAIN_TEACHER_ASSIGNED.equals(event.type()), event.asOf()));
        }
        if ("pupil.erased".equals(event.type())) {
            return Optional.of(new SchoolEvent.PupilErased(event.requiredUuid("pupilId"), event.asOf()));
        }
        if (event.type().startsWith("pupil.")) {
            return Optional.of(new SchoolEvent.PupilChanged(event.requiredUuid("pupilId"), event.required("uai"),
                    event.text("classId"), event.text("priority"), event.text("schoolYear"), event.asOf()));
        }
        return Optional.empty();
    }

    @Override
    public void apply(SchoolEvent event) {
        schools.apply(event);
    }

    /** The 3e headcount the principal declared (issue 13), null when not declared; never negative. */
    private static Integer thirdYearPupils(IncomingEvent event) {
        JsonNode count = event.data().path("thirdYearPupils");
        if (count.isMissingNode() || count.isNull()) {
            return null;
        }
        if (!count.canConvertToInt() || !count.isIntegralNumber() || count.asInt() < 0) {
            throw new IncomingEvent.MalformedEventException(event.type() + " event " + event.id()
                    + ": thirdYearPupils is not a count");
        }
        return count.asInt();
    }

    private static List<String> declaredWeeks(IncomingEvent event) {
        List<String> weeks = new ArrayList<>();
        JsonNode array = event.data().path("declaredWeeks");
        if (array.isArray()) {
            for (JsonNode node : array) {
                String week = node.isTextual() ? node.asText() : node.path("week").asText(null);
                if (SchoolCalendar.monday(week).isEmpty()) {
                    throw new IncomingEvent.MalformedEventException(event.type() + " event " + event.id()
                            + ": bad week " + week);
                }
                weeks.add(week);
            }
        }
        return List.copyOf(weeks);
    }
}
