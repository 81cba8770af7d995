package fr.tremplin.applications.service;

import fr.tremplin.applications.config.ApplicationsConfig;
import fr.tremplin.applications.domain.Action;
import fr.tremplin.applications.domain.Actor;
import fr.tremplin.applications.domain.Agreement;
import fr.tremplin.applications.domain.Application;
import fr.tremplin.applications.domain.CandidacyLifecycle;
import fr.tremplin.applications.domain.programme.ProgrammeCopy;
import fr.tremplin.applications.domain.programme.ProgrammeTutor;
import fr.tremplin.applications.repository.ApplicationRepository;
import fr.tremplin.applications.api.AgreementView;
import fr.tremplin.applications.api.FamilyAgreementView;
import fr.tremplin.applications.api.SigningLinkView;
import fr.tremplin.applications.api.TutorRequest;
import fr.tremplin.common.audit.AuditTrail;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Signing the agreement of a confirmed candidacy: the school's principal and the host sign with their accounts; a
 * legal representative signs without an account, through a one-time link that school staff ask for and hand to the
 * family. Only the SHA-256 of the link's token is stored; the token is shown once, never logged. When the third
 * signature lands, the candidacy becomes AGREEMENT_SIGNED and {@code agreement.signed} is published.
 */
@ApplicationScoped
public class AgreementService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager em;
    private final ApplicationRepository applications;
    private final Transitions transitions;
    private final AuditTrail audit;
    private final ApplicationsConfig config;
    private final Clock clock;

    public AgreementService(EntityManager em, ApplicationRepository applications, Transitions transitions,
                            AuditTrail audit, ApplicationsConfig config, Clock clock) {
        this.em = em;
        this.applications = applications;
        this.transitions = transitions;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public AgreementView get(Caller caller, UUID id) {
        Agreement agreement = find(id);
        Application application = applications.find(agreement.applicationId).orElseThrow();
        if (!ApplicationAccess.canRead(caller, application)) {
            throw ProblemException.forbidden("this agreement is outside your scope");
        }
        return AgreementView.of(agreement);
    }

    /**
     * The host names its tutor for the week, before it signs: a name and function, or one of the programme's tutors
     * for a candidacy of a programme (their name, their service's name as function; another programme's: 422).
     */
    @Transactional
    public AgreementView setTutor(Caller caller, UUID id, TutorRequest request) {
        Locked locked = lock(id);
        requireInScope(caller, Roles.HOST, locked.application());
        Agreement agreement = locked.agreement();
        requireDraft(agreement);
        if (agreement.hostSignedAt != null) {
            throw ProblemException.conflict("the host already signed this agreement; its tutor can no longer change");
        }
        if (request.programmeTutorId() != null) {
            ProgrammeTutor tutor = ProgrammeTutor.findById(request.programmeTutorId());
            if (tutor == null || !tutor.programmeId.equals(locked.application().offerId)) {
                throw ProblemException.unprocessable("programmeTutorId", "is not a tutor of this candidacy's programme");
            }
            if (!tutor.active) {
                throw ProblemException.unprocessable("programmeTutorId", "this tutor is inactive");
            }
            ProgrammeCopy programme = ProgrammeCopy.findById(tutor.programmeId);
            agreement.tutorName = tutor.name;
            agreement.tutorFunction = programme == null ? tutor.serviceId : programme.services().stream()
                    .filter(service -> service.id().equals(tutor.serviceId)).map(ProgrammeCopy.Service::name)
                    .findFirst().orElse(tutor.serviceId);
        } else {
            if (request.name() == null || request.name().isBlank()) {
                throw ProblemException.invalid("name", "must not be blank (or name a programme's tutor: programmeTutorId)");
            }
            agreement.tutorName = request.name().strip();
            agreement.tutorFunction = request.function() == null ? null : request.function().strip();
        }
        audit.record(caller, "agreement.tutor-set", "agreement", agreement.id, null);
        return flushed(agreement);
    }

    /** The principal of the pupil's school, or the host, signs. */
    @Transactional
    public AgreementView sign(Caller caller, UUID id) {
        Locked locked = lock(id);
        Agreement agreement = locked.agreement();
        String role = List.of(Roles.PRINCIPAL, Roles.HOST).stream()
                .filter(r -> ApplicationAccess.inScope(caller, r, locked.application())).findFirst()
                .orElseThrow(() -> ProblemException.forbidden("only the school's principal and the host sign this agreement"));
        requireDraft(agreement);
        Instant now = clock.instant();
        if (Roles.PRINCIPAL.equals(role)) {
            if (agreement.principalSignedAt != null) {
                throw ProblemException.conflict("the principal already signed this agreement");
            }
            agreement.principalSignedAt = now;
            agreement.principalSignedBy = caller.id();
        } else {
            if (agreement.hostSignedAt != null) {
                throw ProblemException.conflict("the host already signed this agreement");
            }
            if (agreement.tutorName == null) {
                throw ProblemException.unprocessable("tutor", "name the tutor (PUT /api/v1/agreements/" + id
                        + "/tutor) before signing");
            }
            agreement.hostSignedAt = now;
            agreement.hostSignedBy = caller.id();
        }
        audit.record(caller, "agreement.signed-by-" + role, "agreement", agreement.id, null);
        completeIfSigned(agreement, locked.application(), new Actor(caller.id(), role), now);
        return flushed(agreement);
    }

    /** School staff ask for the family's signing link: a new one-time token (the previous one stops working). */
    @Transactional
    public SigningLinkView issueSigningLink(Caller caller, UUID id) {
        Locked locked = lock(id);
        boolean staff = CandidacyLifecycle.SCHOOL_STAFF.stream()
                .anyMatch(r -> ApplicationAccess.inScope(caller, r, locked.application()));
        if (!staff) {
            throw ProblemException.forbidden("only the staff of the pupil's school hand out the family's signing link");
        }
        Agreement agreement = locked.agreement();
        requireDraft(agreement);
        if (agreement.familySignedAt != null) {
            throw ProblemException.conflict("a legal representative already signed this agreement");
        }
        SigningLinkView link = mint(agreement);
        audit.record(caller, "agreement.signing-link-issued", "agreement", agreement.id, null);
        return link;
    }

    /**
     * A fresh signing link for the family's email (docs/APPLICATIONS.md "Notifications"): only the token's hash is
     * stored, so the email cannot carry one minted earlier; like any new link, it replaces the previous one. None when
     * the agreement no longer awaits the family (signed by it, cancelled, complete).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<SigningLinkView> mintForFamilyEmail(UUID id) {
        Agreement agreement = Agreement.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (agreement == null || agreement.status != Agreement.Status.DRAFT || agreement.familySignedAt != null) {
            return Optional.empty();
        }
        SigningLinkView link = mint(agreement);
        audit.record(Actor.SYSTEM.id(), Actor.SYSTEM.role(), "agreement.signing-link-emailed", "agreement",
                agreement.id, null);
        return Optional.of(link);
    }

    private SigningLinkView mint(Agreement agreement) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        agreement.signingTokenHash = hash(token);
        agreement.signingTokenExpiresAt = clock.instant().plus(config.signingLinkValidity());
        return new SigningLinkView(agreement.id, token, "/api/v1/signatures/" + token, agreement.signingTokenExpiresAt);
    }

    /** What the holder of a signing link sees. */
    @Transactional
    public FamilyAgreementView familyView(String token) {
        return FamilyAgreementView.of(byToken(token));
    }

    /** The legal representative signs through the link; the link is spent. */
    @Transactional
    public FamilyAgreementView familySign(String token) {
        Agreement unlocked = byToken(token);
        Locked locked = lock(unlocked.id);
        Agreement agreement = locked.agreement();
        if (!hash(token).equals(agreement.signingTokenHash)) {
            throw unknownLink();
        }
        requireDraft(agreement);
        Instant now = clock.instant();
        agreement.familySignedAt = now;
        agreement.signingTokenHash = null;
        agreement.signingTokenExpiresAt = null;
        audit.record(Actor.LEGAL_REPRESENTATIVE.id(), Actor.LEGAL_REPRESENTATIVE.role(), "agreement.signed-by-family",
                "agreement", agreement.id, null);
        completeIfSigned(agreement, locked.application(), Actor.LEGAL_REPRESENTATIVE, now);
        em.flush();
        return FamilyAgreementView.of(agreement);
    }

    private void completeIfSigned(Agreement agreement, Application application, Actor lastSigner, Instant now) {
        if (!agreement.fullySigned()) {
            return;
        }
        agreement.status = Agreement.Status.SIGNED;
        agreement.signedAt = now;
        transitions.apply(application, Action.SIGN_AGREEMENT, lastSigner, null);
    }

    private record Locked(Agreement agreement, Application application) {
    }

    /** Lock order: the candidacy's row, then its agreement's (as every transition does). */
    private Locked lock(UUID id) {
        Agreement unlocked = find(id);
        Application application = applications.lock(unlocked.applicationId).orElseThrow();
        em.refresh(unlocked, LockModeType.PESSIMISTIC_WRITE);
        return new Locked(unlocked, application);
    }

    private Agreement find(UUID id) {
        Agreement agreement = Agreement.findById(id);
        if (agreement == null) {
            throw ProblemException.notFound("no agreement " + id);
        }
        return agreement;
    }

    private Agreement byToken(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            throw unknownLink();
        }
        Agreement agreement = Agreement.find("signingTokenHash", hash(token)).firstResult();
        if (agreement == null || agreement.signingTokenExpiresAt == null
                || agreement.signingTokenExpiresAt.isBefore(clock.instant())) {
            throw unknownLink();
        }
        return agreement;
    }

    private static void requireInScope(Caller caller, String role, Application application) {
        if (!ApplicationAccess.inScope(caller, role, application)) {
            throw ProblemException.forbidden("this agreement is outside your scope");
        }
    }

    private static void requireDraft(Agreement agreement) {
        if (agreement.status != Agreement.Status.DRAFT) {
            throw ProblemException.conflict("this agreement is " + agreement.status.name().toLowerCase()
                    + "; it can no longer be signed or changed");
        }
    }

    private AgreementView flushed(Agreement agreement) {
        em.flush();
        return AgreementView.of(agreement);
    }

    private static ProblemException unknownLink() {
        return ProblemException.notFound("unknown, spent or expired signing link");
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
