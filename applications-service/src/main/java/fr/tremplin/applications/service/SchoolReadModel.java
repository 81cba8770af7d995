package fr.tremplin.applications.service;

import com.fasterxml.jackson.databind.JsonNode;
import fr.tremplin.applications.domain.Action;
import fr.tremplin.applications.domain.Actor;
import fr.tremplin.applications.domain.Application;
import fr.tremplin.applications.domain.ApplicationState;
import fr.tremplin.applications.domain.PupilCopy;
import fr.tremplin.applications.domain.SchoolCopy;
import fr.tremplin.common.calendar.SchoolCalendar;
import fr.tremplin.applications.repository.ApplicationRepository;
import fr.tremplin.common.events.IncomingEvent;
import fr.tremplin.common.events.ProcessedEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps the local copy of the schools (priority, département, declared weeks) and of the pupils (school and class
 * only) from {@code tremplin.schools.v1}. Idempotent (processed event ids), and an event older ({@code ce_time}) than
 * what is known changes nothing. An erased pupil stays as a tombstone, so that a late older event cannot bring them
 * back; their live candidacies are cancelled by the system ("pupil erased"). A pupil who changes class or school
 * takes their live candidacies along (so that their new staff follow them).
 */
@ApplicationScoped
public class SchoolReadModel {

    public static final String CONSUMER = "applications-service.schools";
    public static final String PUPIL_ERASED = "pupil erased";

    private static final Set<ApplicationState> LIVE = EnumSet.of(ApplicationState.SUBMITTED, ApplicationState.FORWARDED,
            ApplicationState.ACCEPTED, ApplicationState.CONFIRMED, ApplicationState.AGREEMENT_SIGNED);

    private final ProcessedEvents processed;
    private final EntityManager em;
    private final ApplicationRepository applications;
    private final Transitions transitions;
    private final Clock clock;

    public SchoolReadModel(ProcessedEvents processed, EntityManager em, ApplicationRepository applications,
                           Transitions transitions, Clock clock) {
        this.processed = processed;
        this.em = em;
        this.applications = applications;
        this.transitions = transitions;
        this.clock = clock;
    }

    @Transactional
    public void apply(IncomingEvent event) {
        boolean school = event.type().startsWith("school.");
        boolean pupil = event.type().startsWith("pupil.");
        if (!(school || pupil) || !processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        Instant asOf = asOf(event);
        if (school) {
            school(event, asOf);
        } else if ("pupil.erased".equals(event.type())) {
            erased(event, asOf);
        } else {
            pupil(event, asOf);
        }
    }

    private void school(IncomingEvent event, Instant asOf) {
        String uai = event.text("uai") != null ? event.text("uai") : event.key();
        String priority = event.text("priority");
        if (uai == null || priority == null) {
            throw new IncomingEvent.MalformedEventException("school event " + event.id() + " has no uai or priority");
        }
        SchoolCopy view = em.find(SchoolCopy.class, uai, LockModeType.PESSIMISTIC_WRITE);
        if (view != null && asOf.isBefore(view.asOf)) {
            return;
        }
        if (view == null) {
            view = new SchoolCopy();
            view.uai = uai;
        }
        view.priority = priority;
        view.department = event.text("department");
        view.academy = event.text("academy");
        view.declaredWeeks = declaredWeeks(event.data().path("declaredWeeks"), event);
        view.asOf = asOf;
        view.persist();
    }

    private void pupil(IncomingEvent event, Instant asOf) {
        UUID pupilId = pupilId(event);
        String uai = event.text("uai");
        if (uai == null) {
            throw new IncomingEvent.MalformedEventException("pupil event " + event.id() + " has no uai");
        }
        PupilCopy view = em.find(PupilCopy.class, pupilId, LockModeType.PESSIMISTIC_WRITE);
        if (view != null && (view.erased || asOf.isBefore(view.asOf))) {
            return;
        }
        boolean moved = view != null && (!uai.equals(view.uai) || !java.util.Objects.equals(view.classId,
                event.text("classId")));
        if (view == null) {
            view = new PupilCopy();
            view.pupilId = pupilId;
        }
        view.uai = uai;
        view.classId = event.text("classId");
        view.priority = event.text("priority");
        view.schoolYear = event.text("schoolYear");
        view.asOf = asOf;
        view.persist();
        if (moved) {
            for (Application application : applications.lockLiveOfPupil(pupilId, LIVE)) {
                application.schoolUai = uai;
                application.classId = view.classId;
            }
        }
    }

    private void erased(IncomingEvent event, Instant asOf) {
        UUID pupilId = pupilId(event);
        PupilCopy view = em.find(PupilCopy.class, pupilId, LockModeType.PESSIMISTIC_WRITE);
        if (view != null && view.erased) {
            return;
        }
        if (view == null) {
            view = new PupilCopy();
            view.pupilId = pupilId;
        }
        view.erased = true;
        view.uai = null;
        view.classId = null;
        view.priority = null;
        view.asOf = asOf;
        view.persist();
        for (Application application : applications.lockLiveOfPupil(pupilId, LIVE)) {
            transitions.apply(application, Action.CANCEL, Actor.SYSTEM, PUPIL_ERASED);
        }
    }

    private Instant asOf(IncomingEvent event) {
        if (event.time() != null) {
            return event.time();
        }
        try {
            String occurred = event.text("occurredAt");
            return occurred == null ? clock.instant() : Instant.parse(occurred);
        } catch (DateTimeParseException e) {
            throw new IncomingEvent.MalformedEventException("school event " + event.id() + ": bad occurredAt");
        }
    }

    private static UUID pupilId(IncomingEvent event) {
        try {
            return UUID.fromString(event.text("pupilId"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IncomingEvent.MalformedEventException("pupil event " + event.id() + " has no valid pupilId");
        }
    }

    private static String[] declaredWeeks(JsonNode array, IncomingEvent event) {
        List<String> weeks = new ArrayList<>();
        if (array.isArray()) {
            for (JsonNode node : array) {
                String week = node.isTextual() ? node.asText() : node.path("week").asText(null);
                if (SchoolCalendar.monday(week).isEmpty()) {
                    throw new IncomingEvent.MalformedEventException("school event " + event.id() + ": bad week " + week);
                }
                weeks.add(week);
            }
        }
        return weeks.toArray(String[]::new);
    }
}
