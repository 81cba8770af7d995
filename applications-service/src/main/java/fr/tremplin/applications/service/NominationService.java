package fr.tremplin.applications.service;

import fr.tremplin.applications.api.ApplicationView;
import fr.tremplin.applications.api.BulkAcceptView;
import fr.tremplin.applications.api.NominationRequest;
import fr.tremplin.applications.api.NominationView;
import fr.tremplin.applications.domain.Action;
import fr.tremplin.applications.domain.Actor;
import fr.tremplin.applications.domain.Application;
import fr.tremplin.applications.domain.ApplicationState;
import fr.tremplin.applications.domain.OfferCopy;
import fr.tremplin.applications.domain.programme.SeatAllocation;
import fr.tremplin.applications.events.ProgrammeEvents;
import fr.tremplin.applications.repository.ApplicationRepository;
import fr.tremplin.applications.repository.ProgrammeRepository;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import fr.tremplin.common.web.Page;
import fr.tremplin.common.web.PageParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * Nominations to a programme (issue 13). A principal or the RIPREE nominates a pupil of their school to a week: within
 * the school's seats ({@link AllocationService}: its live nominations, all weeks, stay below them) and the week's seats
 * (the offer's capacity per week), under the usual submission rules ({@link SubmissionRules}: one per pupil, offer
 * and week; none once placed; at most N open; the week not begun and declared by the school). The nomination becomes
 * a candidacy SUBMITTED by the staff member and FORWARDED at once by the system ({@link CandidacyService#nominated}),
 * with the usual application events, plus {@code programme.nominated}. The host then accepts a week's nominations in
 * bulk, each through the lifecycle (a seat of the week held for each, as far as the ledger has seats).
 * <p>
 * Lock order: the programme's allocation row (nominations, declines and recomputations queue on it), then the
 * pupil's lock, then the candidacy's row, then its week's ledger row.
 */
@ApplicationScoped
public class NominationService {

    private final ProgrammeRepository programmes;
    private final ApplicationRepository applications;
    private final SubmissionRules rules;
    private final CandidacyService candidacies;
    private final Transitions transitions;
    private final SeatLedger seats;
    private final ProgrammeEvents events;

    public NominationService(ProgrammeRepository programmes, ApplicationRepository applications, SubmissionRules rules,
                             CandidacyService candidacies, Transitions transitions, SeatLedger seats,
                             ProgrammeEvents events) {
        this.programmes = programmes;
        this.applications = applications;
        this.rules = rules;
        this.candidacies = candidacies;
        this.transitions = transitions;
        this.seats = seats;
        this.events = events;
    }

    @Transactional
    public ApplicationView nominate(Caller caller, UUID programmeId, NominationRequest request) {
        String role = ProgrammeAccess.nominatingRole(caller);
        OfferCopy programme = AllocationService.programme(programmeId);
        SubmissionRules.PupilContext pupil = rules.pupilFor(caller, role, request.pupilId());
        programmes.lockAllocation(programmeId).orElseThrow(() -> ProblemException.conflict(
                "the host has not allocated this programme's seats yet"));
        SeatAllocation.Line line = programmes.line(programmeId, pupil.uai()).orElseThrow(() ->
                ProblemException.unprocessable("pupilId", "the pupil's school is not in this programme's territory"));
        if (line.declined()) {
            throw ProblemException.conflict("your school declined its seats in this programme");
        }
        if (!line.counted()) {
            throw ProblemException.unprocessable("pupilId", "the pupil's school declared no 3e headcount when the "
                    + "seats were allocated: it has no seat in this programme");
        }
        long ofSchool = programmes.liveOfSchool(programmeId, pupil.uai());
        if (ofSchool >= line.seats()) {
            throw ProblemException.conflict("your school's " + line.seats() + " seat(s) in this programme are all "
                    + "nominated (" + ofSchool + ")");
        }
        applications.lockPupil(pupil.pupilId());
        SeatLedger.Week week = rules.checkOffer(pupil, programme, programmeId, request.week());
        long ofWeek = programmes.liveOfWeek(programmeId, request.week());
        if (ofWeek >= programme.capacityPerWeek) {
            throw ProblemException.conflict("the " + programme.capacityPerWeek + " seats of week " + request.week()
                    + " are all nominated: choose another week");
        }
        rules.checkPupil(pupil, programmeId, request.week(), false);
        ApplicationView candidacy = candidacies.nominated(pupil, programme, week, new Actor(caller.id(), role));
        programmes.insertNomination(candidacy.id(), programmeId, pupil.uai(), request.week(), request.gender(),
                caller.id(), role, candidacy.submittedAt());
        events.nominated(new ProgrammeEvents.Nominated(programmeId, candidacy.id(), pupil.uai(), request.week(),
                candidacy.submittedAt()));
        return candidacy;
    }

    @Transactional
    public Page<NominationView> list(Caller caller, UUID programmeId, String week, String school, PageParams page) {
        OfferCopy programme = AllocationService.programme(programmeId);
        String scope = ProgrammeAccess.nominationsScope(caller, programme, school);
        return programmes.nominations(programmeId, week, scope, page).map(row -> new NominationView(
                row.applicationId(), row.programmeId(), row.pupilId(), row.schoolUai(), row.week(), row.gender(),
                row.state(), row.nominatedBy(), row.nominatedByRole(), row.nominatedAt()));
    }

    /**
     * Accepts every FORWARDED nomination of the week, oldest first, each through the lifecycle (a seat held for it);
     * once the week's ledger has no seat left, the others stay FORWARDED and are answered as refused.
     */
    @Transactional
    public BulkAcceptView acceptAll(Caller caller, UUID programmeId, String week) {
        OfferCopy programme = AllocationService.programme(programmeId);
        ProgrammeAccess.requireHost(caller, programme);
        List<UUID> nominated = programmes.forwardedOfWeek(programmeId, week);
        // the candidacies' rows first (in id order), then the week's ledger row: the lock order of SeatLedger
        List<Application> locked = new ArrayList<>(applications.lockOfOffer(programmeId, week,
                EnumSet.of(ApplicationState.FORWARDED)));
        locked.removeIf(a -> !nominated.contains(a.id));
        locked.sort(Comparator.comparingInt(a -> nominated.indexOf(a.id)));
        SeatLedger.Week seatsOfWeek = seats.lock(programmeId, week).orElseThrow(() ->
                ProblemException.unprocessable("week", "is not one of the programme's weeks"));
        int free = seatsOfWeek.open() ? seatsOfWeek.free() : 0;
        String full = seatsOfWeek.open() ? "no seat left in week " + week + " (" + seatsOfWeek.capacity()
                + " seats, all held or taken)" : "week " + week + " is no longer open";
        Actor host = new Actor(caller.id(), Roles.HOST);
        List<UUID> accepted = new ArrayList<>();
        List<BulkAcceptView.Refusal> refused = new ArrayList<>();
        for (Application candidacy : locked) {
            if (free > 0) {
                transitions.apply(candidacy, Action.ACCEPT, host, null);
                accepted.add(candidacy.id);
                free--;
            } else {
                refused.add(new BulkAcceptView.Refusal(candidacy.id, full));
            }
        }
        return new BulkAcceptView(week, accepted, refused);
    }
}
