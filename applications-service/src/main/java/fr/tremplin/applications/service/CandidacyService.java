package fr.tremplin.applications.service;

import fr.tremplin.applications.domain.Action;
import fr.tremplin.applications.domain.Actor;
import fr.tremplin.applications.domain.Application;
import fr.tremplin.applications.domain.ApplicationState;
import fr.tremplin.applications.domain.CandidacyLifecycle;
import fr.tremplin.applications.domain.OfferCopy;
import fr.tremplin.applications.domain.Transition;
import fr.tremplin.common.calendar.SchoolCalendar;
import fr.tremplin.applications.repository.ApplicationRepository;
import fr.tremplin.applications.api.ApplicationRequest;
import fr.tremplin.applications.api.ApplicationSummary;
import fr.tremplin.applications.api.ApplicationView;
import fr.tremplin.applications.api.RedirectRequest;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import fr.tremplin.common.web.Page;
import fr.tremplin.common.web.PageParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Candidacies: submission (rules in {@link SubmissionRules}), reading within the caller's scope, and every transition
 * a person makes (the table is {@link CandidacyLifecycle}, its effects {@link Transitions}).
 */
@ApplicationScoped
public class CandidacyService {

    private final ApplicationRepository applications;
    private final SubmissionRules rules;
    private final Transitions transitions;
    private final Clock clock;
    private final RelayDeactivation relays;

    public CandidacyService(ApplicationRepository applications, SubmissionRules rules, Transitions transitions,
                            Clock clock, RelayDeactivation relays) {
        this.applications = applications;
        this.rules = rules;
        this.transitions = transitions;
        this.clock = clock;
        this.relays = relays;
    }

    @Transactional
    public ApplicationView submit(Caller caller, ApplicationRequest request) {
        // a principal or main teacher applies as staff (pupilId required); otherwise the caller is the pupil
        String role = caller.is(Roles.PRINCIPAL) ? Roles.PRINCIPAL
                : caller.is(Roles.MAIN_TEACHER) ? Roles.MAIN_TEACHER
                : caller.is(Roles.PUPIL) ? Roles.PUPIL : null;
        if (role == null) {
            throw ProblemException.forbidden("only pupils, principals and main teachers apply");
        }
        SubmissionRules.PupilContext pupil = rules.pupilFor(caller, role, request.pupilId());
        applications.lockPupil(pupil.pupilId());
        OfferCopy offer = OfferCopy.findById(request.offerId());
        refuseProgramme(offer);
        SeatLedger.Week week = rules.checkOffer(pupil, offer, request.offerId(), request.week());
        rules.checkPupil(pupil, request.offerId(), request.week(), false);
        Created created = create(pupil, offer, week, request.motivation(), new Actor(caller.id(), role), null,
                UUID.randomUUID(), Application.APPLICATION);
        return created.view();
    }

    @Transactional
    public ApplicationView get(Caller caller, UUID id) {
        Application application = applications.find(id)
                .orElseThrow(() -> ProblemException.notFound("no candidacy " + id));
        if (!ApplicationAccess.canRead(caller, application)) {
            throw ProblemException.forbidden("this candidacy is outside your scope");
        }
        return view(application);
    }

    @Transactional
    public Page<ApplicationSummary> list(Caller caller, ApplicationState state, UUID offerId, String week,
                                         UUID pupilId, PageParams page) {
        return applications.search(ApplicationAccess.listScope(caller), state, offerId, week, pupilId, page)
                .map(ApplicationSummary::of);
    }

    /** forward, accept, confirm, reject, cancel, complete: the caller's role and scope, then the table. */
    @Transactional
    public ApplicationView act(Caller caller, UUID id, Action action, String reason) {
        ApplicationAccess.requireActionRole(caller, action);
        Application application = lockForAction(id, action);
        String role = actingRole(caller, action, application);
        CandidacyLifecycle.decide(application.state, action, role);
        Instant now = clock.instant();
        if (Roles.RELAY.equals(role)) {
            relays.requireActive(application.relayId);
            checkClaim(caller, application, now);
        }
        if (action == Action.CONFIRM && application.holdExpiresAt != null && application.holdExpiresAt.isBefore(now)) {
            throw ProblemException.conflict("the seat was held until " + application.holdExpiresAt
                    + "; the hold has expired");
        }
        if (action == Action.COMPLETE) {
            LocalDate lastDay = SchoolCalendar.lastDay(application.startsOn);
            if (LocalDate.ofInstant(now, SchoolCalendar.ZONE).isBefore(lastDay)) { // on the Paris calendar
                throw ProblemException.conflict("the internship week is not over: it ends on " + lastDay);
            }
        }
        transitions.apply(application, action, new Actor(caller.id(), role), reason);
        return view(application);
    }

    /** A relay proposes another offer: a new SUBMITTED candidacy, linked both ways to this REDIRECTED one. */
    @Transactional
    public ApplicationView redirect(Caller caller, UUID id, RedirectRequest request) {
        ApplicationAccess.requireActionRole(caller, Action.REDIRECT);
        Application original = lockForAction(id, Action.REDIRECT);
        String role = actingRole(caller, Action.REDIRECT, original);
        CandidacyLifecycle.decide(original.state, Action.REDIRECT, role);
        relays.requireActive(original.relayId);
        checkClaim(caller, original, clock.instant());
        if (request.offerId().equals(original.offerId) && request.week().equals(original.week)) {
            throw ProblemException.unprocessable("offerId", "redirect to another offer or week than the candidacy's own");
        }
        SubmissionRules.PupilContext pupil = rules.pupilOf(original.pupilId, original.schoolUai, original.classId,
                original.schoolPriority);
        OfferCopy offer = OfferCopy.findById(request.offerId());
        refuseProgramme(offer);
        SeatLedger.Week week = rules.checkOffer(pupil, offer, request.offerId(), request.week());
        rules.checkPupil(pupil, request.offerId(), request.week(), true);
        Actor relay = new Actor(caller.id(), role);
        UUID newId = UUID.randomUUID();
        original.redirectedTo = newId;
        transitions.apply(original, Action.REDIRECT, relay, request.reason());
        return create(pupil, offer, week, original.motivation, relay, original.id, newId, Application.APPLICATION)
                .view();
    }

    /**
     * A school's nomination to a programme (issue 13), whose rules {@code NominationService} checked: a candidacy
     * of origin NOMINATION, SUBMITTED by the nominating staff and FORWARDED at once by the system, whatever relay
     * covers the département (a programme's places are given by the schools, not triaged by a relay).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ApplicationView nominated(SubmissionRules.PupilContext pupil, OfferCopy programme, SeatLedger.Week week,
                                     Actor actor) {
        return create(pupil, programme, week, null, actor, null, UUID.randomUUID(), Application.NOMINATION).view();
    }

    /** A pupil does not apply to a programme, nor is redirected to one: their school nominates them. */
    private static void refuseProgramme(OfferCopy offer) {
        if (offer != null && offer.isProgramme()) {
            throw ProblemException.unprocessable("offerId", "places in a programme are given by nomination: the "
                    + "pupil's school nominates them (POST /api/v1/programmes/{programmeId}/nominations)");
        }
    }

    /** Finds the candidacy and locks it; a confirmation or redirection first takes its pupil's lock (lock order). */
    private Application lockForAction(UUID id, Action action) {
        if (action == Action.CONFIRM || action == Action.REDIRECT) {
            applications.lockPupil(applications.pupilOf(id)
                    .orElseThrow(() -> ProblemException.notFound("no candidacy " + id)));
        }
        return applications.lock(id).orElseThrow(() -> ProblemException.notFound("no candidacy " + id));
    }

    /** The role the caller acts in: one in scope that the table allows from the current state, else the first. */
    private static String actingRole(Caller caller, Action action, Application application) {
        List<String> roles = ApplicationAccess.actingRoles(caller, action, application);
        return roles.stream().filter(r -> CandidacyLifecycle.find(application.state, action, r).isPresent())
                .findFirst().orElse(roles.get(0));
    }

    /** Two agents never triage the same candidacy: one leased to another agent is theirs until the lease ends. */
    private static void checkClaim(Caller caller, Application application, Instant now) {
        if (application.claimedBy != null && !application.claimedBy.equals(caller.id())
                && application.claimedUntil != null && application.claimedUntil.isAfter(now)) {
            throw ProblemException.conflict("another agent of the relay claimed this candidacy until "
                    + application.claimedUntil);
        }
    }

    /** A new candidacy and the transitions it went through in this transaction (its whole history). */
    private record Created(Application application, List<Transition> history) {
        ApplicationView view() {
            return ApplicationView.of(application, history);
        }
    }

    private Created create(SubmissionRules.PupilContext pupil, OfferCopy offer, SeatLedger.Week week,
                               String motivation, Actor actor, UUID redirectedFrom, UUID id, String origin) {
        Instant now = clock.instant();
        Application application = new Application();
        application.id = id;
        application.pupilId = pupil.pupilId();
        application.schoolUai = pupil.uai();
        application.schoolPriority = pupil.priority();
        application.schoolDepartment = pupil.schoolDepartment();
        application.classId = pupil.classId();
        application.offerId = offer.offerId;
        application.offerTitle = offer.title;
        application.organisationId = offer.organisationId;
        application.ministryCode = offer.ministryCode;
        application.department = offer.department;
        application.week = week.week();
        application.startsOn = week.startsOn();
        application.motivation = motivation;
        application.state = ApplicationState.SUBMITTED;
        application.origin = origin;
        // a nomination skips the relay's triage: the school chose the pupil, within its seats
        application.relayId = Application.NOMINATION.equals(origin) ? null
                : applications.relayCovering(offer.department).orElse(null);
        application.submittedBy = actor.id();
        application.submittedByRole = actor.role();
        application.submittedAt = now;
        application.stateSince = now;
        application.redirectedFrom = redirectedFrom;
        application.persist();
        List<Transition> history = new ArrayList<>(2);
        history.add(transitions.submitted(application, actor));
        if (application.relayId == null) {
            // no relay covers the offer's département: straight to the host
            history.add(transitions.apply(application, Action.FORWARD, Actor.SYSTEM, null));
        }
        // the version the answer shows (and its ETag) must be the row's: the forward above bumps it at the flush
        Application.flush();
        return new Created(application, history);
    }

    private ApplicationView view(Application application) {
        return ApplicationView.of(application, applications.history(application.id));
    }
}
