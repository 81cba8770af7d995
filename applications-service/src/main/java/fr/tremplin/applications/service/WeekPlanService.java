package fr.tremplin.applications.service;

import fr.tremplin.applications.api.WeekPlanView;
import fr.tremplin.applications.domain.OfferCopy;
import fr.tremplin.applications.domain.cohort.CohortGroup;
import fr.tremplin.applications.domain.cohort.CohortPlan;
import fr.tremplin.applications.domain.cohort.CohortPlanner;
import fr.tremplin.applications.domain.cohort.CohortPupil;
import fr.tremplin.applications.domain.cohort.Gender;
import fr.tremplin.applications.domain.cohort.PlanScore;
import fr.tremplin.applications.domain.cohort.ServiceCapacity;
import fr.tremplin.applications.domain.cohort.UnplannableCohort;
import fr.tremplin.applications.domain.programme.ProgrammeCopy;
import fr.tremplin.applications.domain.programme.ProgrammeTutor;
import fr.tremplin.applications.domain.programme.TutorRota;
import fr.tremplin.applications.events.ProgrammeEvents;
import fr.tremplin.applications.repository.CohortRepository;
import fr.tremplin.applications.repository.ProgrammeRepository;
import fr.tremplin.common.audit.AuditTrail;
import fr.tremplin.common.calendar.SchoolCalendar;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A programme's week plan (issue 13): the week's pupils (nominations ACCEPTED or further on, alive) with their school
 * and the gender their school gave, the programme's services and group size, through {@link CohortPlanner}; each
 * visit then gets a tutor ({@link TutorRota}). The plan replaces the week's previous one until the week begins (then
 * 409), and {@code programme.week-planned} is published (counts and score only). Access: {@link ProgrammeAccess}.
 * <p>
 * The default seed is {@link #defaultSeed}: the same nominations planned again give the same plan.
 */
@ApplicationScoped
public class WeekPlanService {

    private final CohortRepository plans;
    private final ProgrammeRepository programmes;
    private final SeatLedger seats;
    private final ProgrammeEvents events;
    private final AuditTrail audit;
    private final Clock clock;

    public WeekPlanService(CohortRepository plans, ProgrammeRepository programmes, SeatLedger seats,
                           ProgrammeEvents events, AuditTrail audit, Clock clock) {
        this.plans = plans;
        this.programmes = programmes;
        this.seats = seats;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The seed used when the host gives none: the programme id's two halves and the week's {@code String.hashCode}
     * (specified by Java, so stable) combined by exclusive or.
     */
    public static long defaultSeed(UUID programmeId, String week) {
        return programmeId.getMostSignificantBits() ^ programmeId.getLeastSignificantBits() ^ week.hashCode();
    }

    @Transactional
    public WeekPlanView plan(Caller caller, UUID programmeId, String week, Long seed) {
        OfferCopy programme = AllocationService.programme(programmeId);
        ProgrammeAccess.requireOrganise(caller, programme);
        ProgrammeCopy definition = definition(programmeId);
        requireWeekOf(programmeId, week);
        LocalDate today = SchoolCalendar.today(clock);
        SchoolCalendar.monday(week).filter(monday -> SchoolCalendar.hasBegun(monday, today)).ifPresent(monday -> {
            throw ProblemException.conflict("week " + week + " has begun (its Monday is " + monday
                    + "): its groups can no longer change");
        });
        // plans of one programme queue on its allocation row, as nominations do
        programmes.lockAllocation(programmeId);
        List<CohortPupil> pupils = plans.comingTo(programmeId, week);
        List<ServiceCapacity> services = definition.services().stream()
                .map(service -> new ServiceCapacity(service.id(), service.dailyCapacityGroups())).toList();
        long usedSeed = seed != null ? seed : defaultSeed(programmeId, week);
        CohortPlan plan;
        try {
            plan = CohortPlanner.plan(pupils, services, definition.groupSize, usedSeed);
        } catch (UnplannableCohort e) {
            throw ProblemException.unprocessable(e.constraint(), e.getMessage());
        }
        Map<TutorRota.Visit, UUID> tutors = TutorRota.assign(visits(plan), activeTutors(programmeId, week));
        List<CohortRepository.Visit> staffed = visits(plan).stream().map(visit -> new CohortRepository.Visit(
                visit.group(), visit.day(), visit.serviceId(), tutors.get(visit))).toList();
        Instant now = clock.instant();
        plans.replace(programmeId, week, plan, pupils.size(), genderCounts(plan), staffed, caller.id(), now);
        PlanScore score = plan.score();
        events.weekPlanned(new ProgrammeEvents.WeekPlanned(programmeId, week, plan.groups().size(), pupils.size(),
                new ProgrammeEvents.Score(score.sameSchoolPairs(), score.sameSchoolPairsBound(),
                        score.genderImbalance(), score.genderImbalanceBound(), score.loadSpread(),
                        score.loadSpreadBound()), now));
        audit.record(caller, "programme.week-planned", "programme", programmeId, week);
        return view(programmeId, week, definition, null);
    }

    @Transactional
    public WeekPlanView get(Caller caller, UUID programmeId, String week) {
        OfferCopy programme = AllocationService.programme(programmeId);
        String school = ProgrammeAccess.planScope(caller, programme, uai -> programmes.line(programmeId, uai)
                .map(line -> line.seats() > 0 && !line.declined()).orElse(false));
        return view(programmeId, week, definition(programmeId), school);
    }

    private WeekPlanView view(UUID programmeId, String week, ProgrammeCopy definition, String school) {
        CohortRepository.PlanHeader header = plans.header(programmeId, week).orElseThrow(() ->
                ProblemException.notFound("week " + week + " of this programme is not planned"));
        Map<String, String> serviceNames = definition.services().stream()
                .collect(Collectors.toMap(ProgrammeCopy.Service::id, ProgrammeCopy.Service::name));
        Map<Integer, List<WeekPlanView.Member>> members = plans.members(programmeId, week).stream()
                .collect(Collectors.groupingBy(CohortRepository.MemberRow::groupNumber, Collectors.mapping(member ->
                        new WeekPlanView.Member(school == null || school.equals(member.schoolUai())
                                ? member.applicationId() : null, member.schoolUai()), Collectors.toList())));
        List<CohortRepository.VisitRow> visitRows = plans.visits(programmeId, week);
        Map<Integer, List<WeekPlanView.Visit>> visits = visitRows.stream()
                .collect(Collectors.groupingBy(CohortRepository.VisitRow::groupNumber, Collectors.mapping(visit ->
                        new WeekPlanView.Visit(visit.day(), visit.serviceId(), serviceNames.get(visit.serviceId()),
                                visit.tutorId(), visit.tutorName()), Collectors.toList())));
        List<WeekPlanView.Group> groups = plans.groups(programmeId, week).stream().map(group -> {
            List<WeekPlanView.Member> of = members.getOrDefault(group.number(), List.of());
            return new WeekPlanView.Group(group.number(), of.size(), of, group.females(), group.males(),
                    group.unknown(), visits.getOrDefault(group.number(), List.of()));
        }).toList();
        Set<String> unstaffed = new LinkedHashSet<>();
        visitRows.stream().filter(visit -> visit.tutorId() == null).map(CohortRepository.VisitRow::serviceId)
                .sorted().forEach(unstaffed::add);
        List<String> warnings = unstaffed.stream().map(service -> "service " + service + " has no tutor").toList();
        PlanScore score = header.score();
        return new WeekPlanView(programmeId, week, header.seed(), header.pupils(), groups,
                new WeekPlanView.Score(score.sameSchoolPairs(), score.sameSchoolPairsBound(), score.genderImbalance(),
                        score.genderImbalanceBound(), score.loadSpread(), score.loadSpreadBound()),
                score.provenOptimal(), header.bindingConstraints(), warnings, header.plannedBy(), header.plannedAt(),
                header.version());
    }

    static ProgrammeCopy definition(UUID programmeId) {
        ProgrammeCopy definition = ProgrammeCopy.findById(programmeId);
        if (definition == null) {
            throw ProblemException.conflict("the programme's definition has not reached applications-service yet");
        }
        return definition;
    }

    private void requireWeekOf(UUID programmeId, String week) {
        if (seats.weeks(programmeId).stream().noneMatch(w -> w.week().equals(week))) {
            throw ProblemException.unprocessable("week", "is not one of the programme's weeks");
        }
    }

    private List<TutorRota.Tutor> activeTutors(UUID programmeId, String week) {
        Map<UUID, Integer> before = plans.visitsPerTutor(programmeId, week);
        List<ProgrammeTutor> tutors = ProgrammeTutor.list("programmeId = ?1 and active = true", programmeId);
        return tutors.stream().map(tutor -> new TutorRota.Tutor(tutor.id, tutor.serviceId, tutor.name,
                before.getOrDefault(tutor.id, 0))).toList();
    }

    private static List<TutorRota.Visit> visits(CohortPlan plan) {
        List<TutorRota.Visit> visits = new ArrayList<>();
        for (CohortGroup group : plan.groups()) {
            for (int day = 0; day < group.rotation().size(); day++) {
                visits.add(new TutorRota.Visit(group.number(), day + 2, group.rotation().get(day)));
            }
        }
        return visits;
    }

    private static List<CohortRepository.GroupRow> genderCounts(CohortPlan plan) {
        return plan.groups().stream().map(group -> new CohortRepository.GroupRow(group.number(),
                count(group, Gender.F),
                count(group, Gender.M),
                count(group, Gender.UNKNOWN))).toList();
    }

    private static int count(CohortGroup group, Gender gender) {
        return (int) group.members().stream().filter(pupil -> pupil.gender() == gender).count();
    }
}
