package fr.tremplin.applications.service;

import fr.tremplin.applications.api.AllocationView;
import fr.tremplin.applications.api.SchoolSeatsView;
import fr.tremplin.applications.domain.OfferCopy;
import fr.tremplin.applications.domain.SchoolCopy;
import fr.tremplin.applications.domain.programme.ProgrammeCopy;
import fr.tremplin.applications.domain.programme.SeatAllocation;
import fr.tremplin.applications.events.ProgrammeEvents;
import fr.tremplin.applications.repository.ProgrammeRepository;
import fr.tremplin.common.audit.AuditTrail;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A programme's seats per school (issue 13): computed by {@link SeatAllocation} from the school copies of its
 * territory, stored with how each school's seats were computed, and published ({@code programme.seats-allocated}).
 * A recomputation is refused once a nomination exists (409); it leaves out the schools that declined. A decline
 * shares the school's seats among the others ({@link SeatAllocation#decline}) and publishes the new seats.
 * Access: {@link ProgrammeAccess}.
 */
@ApplicationScoped
public class AllocationService {

    private final ProgrammeRepository programmes;
    private final SeatLedger seats;
    private final ProgrammeEvents events;
    private final AuditTrail audit;
    private final Clock clock;

    public AllocationService(ProgrammeRepository programmes, SeatLedger seats, ProgrammeEvents events,
                             AuditTrail audit, Clock clock) {
        this.programmes = programmes;
        this.seats = seats;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** The offer copy of a programme; 404 when unknown or not a programme. */
    static OfferCopy programme(UUID programmeId) {
        OfferCopy offer = OfferCopy.findById(programmeId);
        if (offer == null || !offer.isProgramme() || OfferCopy.REMOVED.equals(offer.status)) {
            throw ProblemException.notFound("no programme " + programmeId);
        }
        return offer;
    }

    @Transactional
    public AllocationView allocate(Caller caller, UUID programmeId) {
        OfferCopy offer = programme(programmeId);
        ProgrammeAccess.requireManage(caller, offer);
        ProgrammeCopy definition = ProgrammeCopy.findById(programmeId);
        if (definition == null) {
            throw ProblemException.conflict("the programme's definition has not reached applications-service yet");
        }
        Set<String> declined = programmes.lockAllocation(programmeId).map(existing -> {
            if (programmes.anyNomination(programmeId)) {
                throw ProblemException.conflict("schools have nominated pupils already: the seats can no longer be "
                        + "recomputed (a school that gives up its seats declines them)");
            }
            return programmes.lines(programmeId).stream().filter(SeatAllocation.Line::declined)
                    .map(SeatAllocation.Line::uai).collect(Collectors.toSet());
        }).orElse(Set.of());
        int weeks = (int) seats.weeks(programmeId).stream().filter(SeatLedger.Week::open).count();
        int total = offer.capacityPerWeek * weeks;
        List<SchoolCopy> territory = programmes.schoolsOf(definition);
        List<SeatAllocation.School> schools = territory.stream().filter(s -> !declined.contains(s.uai))
                .map(s -> new SeatAllocation.School(s.uai, s.priority, s.thirdYearPupils)).toList();
        SeatAllocation.Result result;
        try {
            result = SeatAllocation.allocate(schools, definition.weights(), total,
                    definition.minimumOneSeatPerSchool);
        } catch (SeatAllocation.AllocationImpossible impossible) {
            throw ProblemException.unprocessable("programme", impossible.getMessage());
        }
        List<SeatAllocation.Line> lines = new ArrayList<>(result.lines());
        for (SchoolCopy school : territory) {
            if (declined.contains(school.uai)) { // they gave their seats up: they stay out
                lines.add(new SeatAllocation.Line(school.uai, school.priority, school.thirdYearPupils != null,
                        school.thirdYearPupils, null, null, 0, null, 0, null, null, 0, 0, true));
            }
        }
        lines.sort(java.util.Comparator.comparing(SeatAllocation.Line::uai));
        Instant now = clock.instant();
        programmes.replace(new ProgrammeRepository.Allocation(programmeId, offer.schoolYear, total, weeks,
                offer.capacityPerWeek, definition.weights(), definition.minimumOneSeatPerSchool, caller.id(), now, 0),
                lines);
        publish(programmeId, offer.schoolYear, total, lines, now);
        audit.record(caller, "programme.seats-allocated", "programme", programmeId, total + " seats, "
                + lines.size() + " schools");
        return view(programmeId);
    }

    @Transactional
    public AllocationView get(Caller caller, UUID programmeId) {
        OfferCopy offer = programme(programmeId);
        ProgrammeAccess.requireReadAll(caller, offer);
        return view(programmeId);
    }

    @Transactional
    public SchoolSeatsView school(Caller caller, UUID programmeId, String uai) {
        OfferCopy offer = programme(programmeId);
        ProgrammeAccess.requireReadSchool(caller, offer, uai);
        allocated(programmeId);
        return programmes.line(programmeId, uai).map(SchoolSeatsView::of)
                .orElseThrow(() -> ProblemException.notFound("school " + uai + " is not in this programme's allocation"));
    }

    @Transactional
    public SchoolSeatsView decline(Caller caller, UUID programmeId, String uai) {
        OfferCopy offer = programme(programmeId);
        ProgrammeAccess.requireDecline(caller, uai);
        ProgrammeRepository.Allocation allocation = programmes.lockAllocation(programmeId)
                .orElseThrow(() -> ProblemException.notFound("the seats of programme " + programmeId
                        + " are not allocated yet"));
        SeatAllocation.Line line = programmes.line(programmeId, uai).orElseThrow(() ->
                ProblemException.notFound("school " + uai + " is not in this programme's allocation"));
        if (line.declined()) {
            throw ProblemException.conflict("school " + uai + " already declined its seats");
        }
        long nominated = programmes.liveOfSchool(programmeId, uai);
        if (nominated > 0) {
            throw ProblemException.conflict("your school has " + nominated + " nomination(s) in this programme: "
                    + "cancel them before declining its seats");
        }
        SeatAllocation.Result after;
        try {
            after = SeatAllocation.decline(new SeatAllocation.Result(allocation.totalSeats(),
                    allocation.minimumOneSeatPerSchool(), programmes.lines(programmeId)), uai);
        } catch (SeatAllocation.AllocationImpossible impossible) {
            throw ProblemException.conflict(impossible.getMessage());
        }
        Instant now = clock.instant();
        programmes.declined(programmeId, uai, caller.id(), now, after.lines());
        publish(programmeId, allocation.schoolYear(), allocation.totalSeats(), after.lines(), now);
        audit.record(caller, "programme.seats-declined", "programme", programmeId, uai + " gave back "
                + line.seats() + " seats");
        return SchoolSeatsView.of(after.line(uai));
    }

    private ProgrammeRepository.Allocation allocated(UUID programmeId) {
        return programmes.allocation(programmeId).orElseThrow(() -> ProblemException.notFound(
                "the seats of programme " + programmeId + " are not allocated yet"));
    }

    private AllocationView view(UUID programmeId) {
        ProgrammeRepository.Allocation a = allocated(programmeId);
        return new AllocationView(a.programmeId(), a.schoolYear(), a.totalSeats(), a.weeks(), a.seatsPerWeek(),
                new AllocationView.Weights(a.weights().repPlus(), a.weights().rep(), a.weights().none()),
                a.minimumOneSeatPerSchool(), a.computedBy(), a.computedAt(), a.version(),
                programmes.lines(programmeId).stream().map(SchoolSeatsView::of).toList());
    }

    /** Every counted school and its seats (0 once declined): what the territory's schools and the host need. */
    private void publish(UUID programmeId, String schoolYear, int total, List<SeatAllocation.Line> lines, Instant at) {
        events.seatsAllocated(new ProgrammeEvents.SeatsAllocated(programmeId, schoolYear, total,
                lines.stream().filter(SeatAllocation.Line::counted)
                        .map(l -> new ProgrammeEvents.SchoolSeats(l.uai(), l.seats())).toList(), at));
    }
}
