package fr.tremplin.applications.service;

import fr.tremplin.applications.config.ApplicationsConfig;
import fr.tremplin.applications.domain.Action;
import fr.tremplin.applications.domain.Actor;
import fr.tremplin.applications.domain.Application;
import fr.tremplin.applications.domain.ApplicationState;
import fr.tremplin.applications.domain.CandidacyLifecycle;
import fr.tremplin.applications.domain.Transition;
import fr.tremplin.applications.events.ApplicationEvents;
import fr.tremplin.applications.repository.ApplicationRepository;
import fr.tremplin.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Applies one line of {@link CandidacyLifecycle} to a candidacy (whose row the caller has locked), in the caller's
 * transaction: checks the table, moves the seat ({@link SeatLedger}), records the transition (who, role, when, from,
 * to, reason) and writes its event to the outbox. The consequences of reaching a state live here too, so that every
 * path (REST, timers, consumers, signatures) gets them:
 * <ul>
 *   <li>ACCEPTED: the seat is held until now + {@code tremplin.applications.hold};</li>
 *   <li>CONFIRMED: the agreement is drafted and the pupil's other open candidacies are cancelled ("confirmed
 *   elsewhere");</li>
 *   <li>CANCELLED after CONFIRMED: the agreement is cancelled.</li>
 * </ul>
 */
@ApplicationScoped
public class Transitions {

    public static final String CONFIRMED_ELSEWHERE = "confirmed elsewhere";

    private final SeatLedger seats;
    private final ApplicationEvents events;
    private final ApplicationRepository applications;
    private final AgreementDrafts agreements;
    private final ApplicationsConfig config;
    private final Clock clock;

    public Transitions(SeatLedger seats, ApplicationEvents events, ApplicationRepository applications,
                       AgreementDrafts agreements, ApplicationsConfig config, Clock clock) {
        this.seats = seats;
        this.events = events;
        this.applications = applications;
        this.agreements = agreements;
        this.config = config;
        this.clock = clock;
    }

    /** Records the first transition of a new candidacy (already persisted in state SUBMITTED). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Transition submitted(Application application, Actor actor) {
        CandidacyLifecycle.Rule rule = CandidacyLifecycle.decide(null, Action.SUBMIT, actor.role());
        if (application.state != rule.to()) {
            throw new IllegalStateException("a new candidacy starts as " + rule.to());
        }
        return record(application, Action.SUBMIT, null, actor, null, null, application.submittedAt);
    }

    /**
     * Moves a candidacy along the lifecycle; 409 (with the current state) when the table does not allow it. Returns
     * the recorded transition.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Transition apply(Application application, Action action, Actor actor, String reason) {
        ApplicationState from = application.state;
        CandidacyLifecycle.Rule rule = CandidacyLifecycle.decide(from, action, actor.role());
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (rule.reasonRequired() && why == null) {
            throw ProblemException.invalid("reason", "is required to " + action.label() + " a candidacy");
        }
        Instant now = clock.instant();
        seats.move(application, from, rule.to());
        application.state = rule.to();
        application.stateSince = now;
        application.claimedBy = null;
        application.claimedUntil = null;
        application.holdExpiresAt = rule.to() == ApplicationState.ACCEPTED ? now.plus(config.hold()) : null;
        if (rule.to() == ApplicationState.FORWARDED) {
            application.forwardedAt = now;
        }
        UUID agreementId = null;
        if (rule.to() == ApplicationState.CONFIRMED) {
            agreementId = agreements.draft(application, now);
        } else if (rule.to() == ApplicationState.AGREEMENT_SIGNED) {
            agreementId = application.agreementId;
        } else if (rule.to() == ApplicationState.CANCELLED && ApplicationState.PLACED.contains(from)) {
            agreementId = agreements.cancel(application);
        }
        Transition transition = record(application, action, from, actor, why, agreementId, now);
        if (rule.to() == ApplicationState.CONFIRMED) {
            for (Application other : applications.lockOpenOfPupil(application.pupilId, application.id)) {
                apply(other, Action.CANCEL, Actor.SYSTEM, CONFIRMED_ELSEWHERE);
            }
        }
        return transition;
    }

    private Transition record(Application application, Action action, ApplicationState from, Actor actor, String reason,
                        UUID agreementId, Instant at) {
        Transition transition = new Transition();
        transition.applicationId = application.id;
        transition.action = action.label();
        transition.fromState = from;
        transition.toState = application.state;
        transition.actor = actor.id();
        transition.actorRole = actor.role();
        transition.reason = reason;
        transition.at = at;
        transition.persist();
        events.emit(application, action, from, actor, reason, agreementId, at);
        return transition;
    }
}
