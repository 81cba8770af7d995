package fr.tremplin.applications.service;

import fr.tremplin.applications.api.SchoolEvent;
import fr.tremplin.applications.domain.Action;
import fr.tremplin.applications.domain.Actor;
import fr.tremplin.applications.domain.Application;
import fr.tremplin.applications.domain.PupilCopy;
import fr.tremplin.applications.domain.SchoolCopy;
import fr.tremplin.applications.repository.ApplicationRepository;
import fr.tremplin.applications.repository.NotificationContacts;
import fr.tremplin.applications.repository.ProgrammeRepository;
import fr.tremplin.common.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.Objects;

/**
 * Keeps the local copy of the schools ({@link SchoolCopy}: priority, département, declared weeks) and of the pupils
 * ({@link PupilCopy}: school and class only) from {@code tremplin.schools.v1}, one {@link SchoolEvent} at a time as
 * {@code consumers.SchoolEventsConsumer} reads them (which also makes it idempotent: tremplin-common's
 * {@code EventIntake}). An event older than what is known changes nothing. An erased pupil stays as a tombstone, so
 * that a late older event cannot bring them back; their live candidacies are cancelled by the system ("pupil
 * erased") and every free text kept about them is removed, rows, counts and states staying
 * ({@code ApplicationRepository.eraseTextsOfPupil}: motivations, the reasons people wrote, the agreements' tutor and
 * signing link, the same reasons in the outbox, the stored answers of idempotent submissions), and the gender a
 * school gave when nominating them to a programme, and the family's notification contact and the addresses its emails
 * went to ({@code NotificationContacts.eraseFamily}). A pupil who changes class or school takes their live candidacies along (so that their new staff follow
 * them).
 */
@ApplicationScoped
public class SchoolReadModel {

    public static final String PUPIL_ERASED = "pupil erased";

    private final EntityManager em;
    private final ApplicationRepository applications;
    private final Transitions transitions;
    private final ClassTeacherCopies classTeachers;
    private final ProgrammeRepository programmes;
    private final NotificationContacts notificationContacts;

    public SchoolReadModel(EntityManager em, ApplicationRepository applications, Transitions transitions,
                           ClassTeacherCopies classTeachers, ProgrammeRepository programmes,
                           NotificationContacts notificationContacts) {
        this.em = em;
        this.notificationContacts = notificationContacts;
        this.programmes = programmes;
        this.applications = applications;
        this.transitions = transitions;
        this.classTeachers = classTeachers;
    }

    /** Runs in the transaction that records the event's delivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(SchoolEvent event) {
        switch (event) {
            case SchoolEvent.SchoolChanged school -> school(school);
            case SchoolEvent.PupilChanged pupil -> pupil(pupil);
            case SchoolEvent.PupilErased erased -> erased(erased);
            case SchoolEvent.ClassTeacherChanged teacher -> classTeachers.apply(teacher);
        }
    }

    private void school(SchoolEvent.SchoolChanged event) {
        SchoolCopy copy = em.find(SchoolCopy.class, event.uai(), LockModeType.PESSIMISTIC_WRITE);
        if (copy != null && event.asOf().isBefore(copy.asOf)) {
            return;
        }
        if (copy == null) {
            copy = new SchoolCopy();
            copy.uai = event.uai();
        }
        copy.name = event.name();
        copy.city = event.city();
        copy.priority = event.priority();
        copy.department = event.department();
        copy.academy = event.academy();
        copy.bassin = event.bassin();
        copy.thirdYearPupils = event.thirdYearPupils();
        copy.declaredWeeks = event.declaredWeeks().toArray(String[]::new);
        copy.asOf = event.asOf();
        copy.persist();
    }

    private void pupil(SchoolEvent.PupilChanged event) {
        PupilCopy copy = em.find(PupilCopy.class, event.pupilId(), LockModeType.PESSIMISTIC_WRITE);
        if (copy != null && (copy.erased || event.asOf().isBefore(copy.asOf))) {
            return;
        }
        boolean moved = copy != null && (!event.uai().equals(copy.uai) || !Objects.equals(copy.classId,
                event.classId()));
        if (copy == null) {
            copy = new PupilCopy();
            copy.pupilId = event.pupilId();
        }
        copy.uai = event.uai();
        copy.classId = event.classId();
        copy.priority = event.priority();
        copy.schoolYear = event.schoolYear();
        copy.asOf = event.asOf();
        copy.persist();
        if (moved) {
            for (Application application : applications.lockLiveOfPupil(event.pupilId())) {
                application.schoolUai = copy.uai;
                application.classId = copy.classId;
            }
        }
    }

    private void erased(SchoolEvent.PupilErased event) {
        PupilCopy copy = em.find(PupilCopy.class, event.pupilId(), LockModeType.PESSIMISTIC_WRITE);
        if (copy != null && copy.erased) {
            return;
        }
        if (copy == null) {
            copy = new PupilCopy();
            copy.pupilId = event.pupilId();
        }
        copy.erased = true;
        copy.uai = null;
        copy.classId = null;
        copy.priority = null;
        copy.asOf = event.asOf();
        copy.persist();
        for (Application application : applications.lockLiveOfPupil(event.pupilId())) {
            transitions.apply(application, Action.CANCEL, Actor.SYSTEM, PUPIL_ERASED);
        }
        applications.eraseTextsOfPupil(event.pupilId(), Topics.APPLICATIONS);
        notificationContacts.eraseFamily(event.pupilId());
        programmes.eraseGenderOfPupil(event.pupilId());
    }
}
