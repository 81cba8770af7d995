package fr.tremplin.applications.service;

import fr.tremplin.applications.api.ProgrammeBilanView;
import fr.tremplin.applications.domain.ApplicationState;
import fr.tremplin.applications.domain.OfferCopy;
import fr.tremplin.applications.domain.SchoolCopy;
import fr.tremplin.applications.domain.programme.GroupMix;
import fr.tremplin.applications.domain.programme.SeatAllocation;
import fr.tremplin.applications.repository.CohortRepository;
import fr.tremplin.applications.repository.ProgrammeRepository;
import fr.tremplin.common.calendar.SchoolCalendar;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A programme's bilan for a school year (issue 13): seats and nominations per school and priority, the groups the
 * week plans formed and the mix they achieved, the tutors mobilised, the completion. Every figure is defined in
 * docs/APPLICATIONS.md ("Programmes: groups, tutors, bilan"). A week belongs to the school year of its Monday.
 * Access: {@link ProgrammeAccess#requireBilan}.
 */
@ApplicationScoped
public class BilanService {

    /** A nomination that holds a place (as the quotas count it): not cancelled, rejected, expired nor redirected. */
    private static final Set<ApplicationState> HOLDING = EnumSet.of(ApplicationState.SUBMITTED,
            ApplicationState.FORWARDED, ApplicationState.ACCEPTED, ApplicationState.CONFIRMED,
            ApplicationState.AGREEMENT_SIGNED, ApplicationState.COMPLETED);
    private static final Set<ApplicationState> ACCEPTED_OR_LATER = EnumSet.of(ApplicationState.ACCEPTED,
            ApplicationState.CONFIRMED, ApplicationState.AGREEMENT_SIGNED, ApplicationState.COMPLETED);
    private static final List<String> PRIORITIES = List.of(SchoolCopy.REP_PLUS, SchoolCopy.REP, "NONE");

    private final ProgrammeRepository programmes;
    private final CohortRepository plans;
    private final Clock clock;

    public BilanService(ProgrammeRepository programmes, CohortRepository plans, Clock clock) {
        this.programmes = programmes;
        this.plans = plans;
        this.clock = clock;
    }

    @Transactional
    public ProgrammeBilanView bilan(Caller caller, UUID programmeId, String requestedYear) {
        OfferCopy programme = AllocationService.programme(programmeId);
        ProgrammeAccess.requireBilan(caller, programme);
        String schoolYear = requestedYear != null ? requestedYear
                : programme.schoolYear != null ? programme.schoolYear : SchoolCalendar.currentSchoolYear(clock);
        boolean allocatedThisYear = programmes.allocation(programmeId)
                .map(allocation -> schoolYear.equals(allocation.schoolYear())).orElse(false);

        Map<String, ProgrammeBilanView.SchoolLine> schools = new TreeMap<>();
        if (allocatedThisYear) {
            for (SeatAllocation.Line line : programmes.lines(programmeId)) {
                if (line.counted()) {
                    schools.put(line.uai(), new ProgrammeBilanView.SchoolLine(line.uai(), line.priority(),
                            line.seats(), 0, 0, 0));
                }
            }
        }
        for (CohortRepository.NominationCount count : plans.nominationCounts(programmeId)) {
            if (!inYear(count.week(), schoolYear)) {
                continue;
            }
            ApplicationState state = ApplicationState.valueOf(count.state());
            ProgrammeBilanView.SchoolLine line = schools.computeIfAbsent(count.schoolUai(), uai ->
                    new ProgrammeBilanView.SchoolLine(uai, priorityOf(uai), 0, 0, 0, 0));
            schools.put(line.uai(), new ProgrammeBilanView.SchoolLine(line.uai(), line.priority(),
                    line.seatsAllocated(), line.nominated() + (HOLDING.contains(state) ? count.count() : 0),
                    line.acceptedOrLater() + (ACCEPTED_OR_LATER.contains(state) ? count.count() : 0),
                    line.completed() + (state == ApplicationState.COMPLETED ? count.count() : 0)));
        }
        List<ProgrammeBilanView.SchoolLine> lines = List.copyOf(schools.values());
        List<ProgrammeBilanView.PriorityLine> priorities = PRIORITIES.stream()
                .map(priority -> sum(priority, lines.stream().filter(l -> priority.equals(l.priority())).toList()))
                .toList();
        ProgrammeBilanView.PriorityLine total = sum("ALL", lines);

        List<ProgrammeBilanView.WeekGroups> weeks = new ArrayList<>();
        List<GroupMix.Group> groups = new ArrayList<>();
        int pairsBound = 0;
        int genderBound = 0;
        Set<UUID> mobilised = new HashSet<>();
        int visits = 0;
        int unstaffed = 0;
        for (CohortRepository.PlanHeader header : plans.headers(programmeId)) {
            if (!inYear(header.week(), schoolYear)) {
                continue;
            }
            pairsBound += header.score().sameSchoolPairsBound();
            genderBound += header.score().genderImbalanceBound();
            Map<Integer, List<String>> schoolsOf = plans.members(programmeId, header.week()).stream()
                    .collect(Collectors.groupingBy(CohortRepository.MemberRow::groupNumber,
                            Collectors.mapping(CohortRepository.MemberRow::schoolUai, Collectors.toList())));
            List<Integer> sizes = new ArrayList<>();
            for (CohortRepository.GroupRow group : plans.groups(programmeId, header.week())) {
                List<String> members = schoolsOf.getOrDefault(group.number(), List.of());
                sizes.add(members.size());
                groups.add(new GroupMix.Group(members, group.females(), group.males()));
            }
            weeks.add(new ProgrammeBilanView.WeekGroups(header.week(), sizes.size(), header.pupils(), sizes));
            for (CohortRepository.VisitRow visit : plans.visits(programmeId, header.week())) {
                if (visit.tutorId() == null) {
                    unstaffed++;
                } else {
                    visits++;
                    mobilised.add(visit.tutorId());
                }
            }
        }
        GroupMix.Figures mix = GroupMix.of(groups);
        return new ProgrammeBilanView(programmeId, schoolYear, lines, priorities, total, weeks,
                new ProgrammeBilanView.Mix(mix.groups(), mix.sameSchoolPairs(), pairsBound,
                        mix.groupsWithoutSameSchoolPair(), mix.meanDistinctSchoolsPerGroup(), mix.genderImbalance(),
                        genderBound, mix.groupsWithinOne()),
                new ProgrammeBilanView.Tutors(mobilised.size(), visits, unstaffed),
                new ProgrammeBilanView.Completion(total.completed(), total.acceptedOrLater(), total.nominated(),
                        GroupMix.rate(total.completed(), total.acceptedOrLater()),
                        GroupMix.rate(total.completed(), total.nominated())));
    }

    private static boolean inYear(String week, String schoolYear) {
        return SchoolCalendar.monday(week).map(monday -> SchoolCalendar.schoolYearOf(monday).equals(schoolYear))
                .orElse(false);
    }

    private static String priorityOf(String uai) {
        SchoolCopy school = SchoolCopy.findById(uai);
        if (school == null) {
            throw ProblemException.conflict("school " + uai + " is unknown to applications-service");
        }
        return school.priority;
    }

    private static ProgrammeBilanView.PriorityLine sum(String priority, List<ProgrammeBilanView.SchoolLine> lines) {
        return new ProgrammeBilanView.PriorityLine(priority, lines.size(),
                lines.stream().mapToInt(ProgrammeBilanView.SchoolLine::seatsAllocated).sum(),
                lines.stream().mapToLong(ProgrammeBilanView.SchoolLine::nominated).sum(),
                lines.stream().mapToLong(ProgrammeBilanView.SchoolLine::acceptedOrLater).sum(),
                lines.stream().mapToLong(ProgrammeBilanView.SchoolLine::completed).sum());
    }
}
