package fr.tremplin.applications.service;

import fr.tremplin.applications.api.ProgrammeTutorRequest;
import fr.tremplin.applications.api.ProgrammeTutorView;
import fr.tremplin.applications.domain.OfferCopy;
import fr.tremplin.applications.domain.programme.ProgrammeCopy;
import fr.tremplin.applications.domain.programme.ProgrammeTutor;
import fr.tremplin.applications.repository.TutorRepository;
import fr.tremplin.common.audit.AuditTrail;
import fr.tremplin.common.calendar.SchoolCalendar;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.web.Page;
import fr.tremplin.common.web.PageParams;
import fr.tremplin.common.web.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A programme's tutors (issue 13): the host's agents who receive the groups on days 2–4, per service. They belong to
 * the programme and stay from one week's plan to the next (and from one school year to the next: the programme keeps
 * them). A week's plan gives each visit a tutor ({@link WeekPlanService}); a tutor who must no longer receive groups
 * is made inactive (PUT, {@code active: false}): the weeks already planned keep them until planned again. Deleting
 * one is refused (409) while a plan of a week not yet past (its Friday is today or later) gives them a visit: make
 * them inactive, then plan those weeks again. Name and contact never go into an event, a log or the audit trail's
 * detail. Access: {@link ProgrammeAccess#requireOrganise}.
 */
@ApplicationScoped
public class TutorService {

    private final TutorRepository tutors;
    private final EntityManager em;
    private final AuditTrail audit;
    private final Clock clock;

    public TutorService(TutorRepository tutors, EntityManager em, AuditTrail audit, Clock clock) {
        this.tutors = tutors;
        this.em = em;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ProgrammeTutorView create(Caller caller, UUID programmeId, ProgrammeTutorRequest request) {
        OfferCopy programme = AllocationService.programme(programmeId);
        ProgrammeAccess.requireOrganise(caller, programme);
        ProgrammeCopy definition = WeekPlanService.definition(programmeId);
        ProgrammeTutor tutor = new ProgrammeTutor();
        tutor.id = UUID.randomUUID();
        tutor.programmeId = programmeId;
        tutor.createdBy = caller.id();
        tutor.createdAt = clock.instant();
        apply(request, definition, tutor);
        tutor.persist();
        audit.record(caller, "programme.tutor-created", "programme-tutor", tutor.id, null);
        return view(tutor, definition, Map.of());
    }

    @Transactional
    public Page<ProgrammeTutorView> list(Caller caller, UUID programmeId, PageParams page) {
        OfferCopy programme = AllocationService.programme(programmeId);
        ProgrammeAccess.requireOrganise(caller, programme);
        ProgrammeCopy definition = WeekPlanService.definition(programmeId);
        Page<ProgrammeTutor> found = tutors.page(programmeId, page);
        Map<UUID, List<TutorRepository.Load>> loads = tutors.loads(found.items().stream().map(t -> t.id).toList());
        return found.map(tutor -> view(tutor, definition, loads));
    }

    @Transactional
    public ProgrammeTutorView update(Caller caller, UUID programmeId, UUID tutorId, ProgrammeTutorRequest request,
                                     Integer editedVersion) {
        ProgrammeTutor tutor = managed(caller, programmeId, tutorId);
        Versions.check("tutor", tutor.version, editedVersion);
        ProgrammeCopy definition = WeekPlanService.definition(programmeId);
        apply(request, definition, tutor);
        tutor.version++;
        audit.record(caller, "programme.tutor-updated", "programme-tutor", tutor.id, null);
        em.flush();
        return view(tutor, definition, tutors.loads(List.of(tutor.id)));
    }

    @Transactional
    public void delete(Caller caller, UUID programmeId, UUID tutorId, Integer editedVersion) {
        ProgrammeTutor tutor = managed(caller, programmeId, tutorId);
        Versions.check("tutor", tutor.version, editedVersion);
        LocalDate today = SchoolCalendar.today(clock);
        List<String> coming = tutors.weeksOf(tutorId).stream().filter(week -> SchoolCalendar.monday(week)
                .map(monday -> !SchoolCalendar.lastDay(monday).isBefore(today)).orElse(false)).toList();
        if (!coming.isEmpty()) {
            throw ProblemException.conflict("this tutor receives groups in the plan of week(s) " + String.join(", ",
                    coming) + ": make them inactive (active: false) and plan those weeks again first");
        }
        tutor.delete();
        audit.record(caller, "programme.tutor-deleted", "programme-tutor", tutorId, null);
    }

    private ProgrammeTutor managed(Caller caller, UUID programmeId, UUID tutorId) {
        OfferCopy programme = AllocationService.programme(programmeId);
        ProgrammeAccess.requireOrganise(caller, programme);
        ProgrammeTutor tutor = ProgrammeTutor.findById(tutorId, LockModeType.PESSIMISTIC_WRITE);
        if (tutor == null || !tutor.programmeId.equals(programmeId)) {
            throw ProblemException.notFound("no tutor " + tutorId + " in this programme");
        }
        return tutor;
    }

    private static void apply(ProgrammeTutorRequest request, ProgrammeCopy definition, ProgrammeTutor tutor) {
        String serviceId = request.serviceId().strip();
        if (definition.services().stream().noneMatch(service -> service.id().equals(serviceId))) {
            throw ProblemException.unprocessable("serviceId", "is not one of the programme's services");
        }
        tutor.serviceId = serviceId;
        tutor.name = request.name().strip();
        tutor.email = request.email().strip();
        tutor.phone = request.phone() == null || request.phone().isBlank() ? null : request.phone().strip();
        tutor.active = request.active() == null || request.active();
    }

    private static ProgrammeTutorView view(ProgrammeTutor tutor, ProgrammeCopy definition,
                                           Map<UUID, List<TutorRepository.Load>> loads) {
        List<ProgrammeTutorView.WeekLoad> load = loads.getOrDefault(tutor.id, List.of()).stream()
                .map(week -> new ProgrammeTutorView.WeekLoad(week.week(), week.visits())).toList();
        String serviceName = definition.services().stream().filter(service -> service.id().equals(tutor.serviceId))
                .map(ProgrammeCopy.Service::name).findFirst().orElse(null);
        return new ProgrammeTutorView(tutor.id, tutor.programmeId, tutor.serviceId, serviceName, tutor.name,
                tutor.email, tutor.phone, tutor.active, load,
                load.stream().mapToInt(ProgrammeTutorView.WeekLoad::visits).sum(), tutor.createdAt, tutor.version);
    }
}
