package fr.tremplin.applications.service;

import fr.tremplin.applications.config.ApplicationsConfig;
import fr.tremplin.applications.domain.Action;
import fr.tremplin.applications.domain.Actor;
import fr.tremplin.applications.domain.Agreement;
import fr.tremplin.applications.domain.Application;
import fr.tremplin.applications.domain.programme.ProgrammeCopy;
import fr.tremplin.applications.domain.programme.ProgrammeTutor;
import fr.tremplin.applications.domain.notifications.PartyKind;
import fr.tremplin.applications.domain.notifications.Recipient;
import fr.tremplin.applications.repository.ApplicationRepository;
import fr.tremplin.applications.repository.NotificationContacts;
import fr.tremplin.applications.api.AgreementDocument;
import fr.tremplin.applications.api.AgreementPupilRequest;
import fr.tremplin.applications.api.AgreementScheduleRequest;
import fr.tremplin.applications.api.AgreementView;
import fr.tremplin.applications.api.SignRequest;
import fr.tremplin.applications.domain.document.ConventionCompleteness;
import fr.tremplin.applications.domain.document.DailyHours;
import fr.tremplin.applications.api.FamilyAgreementView;
import fr.tremplin.applications.api.SigningLinkView;
import fr.tremplin.applications.api.TutorRequest;
import fr.tremplin.common.audit.AuditTrail;
import fr.tremplin.common.problem.Problem;
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
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Signing the agreement of a confirmed candidacy: the school's principal and the host sign with their accounts; a
 * legal representative signs without an account, through a one-time link that school staff ask for and hand to the
 * family. Only the SHA-256 of the link's token is stored; the token is shown once, never logged. Each signature
 * records the SHA-256 of the document it was given on ({@link AgreementDocuments}); a change to the agreement after a
 * signature takes the signatures back ({@code takeBackSignatures}). When the third signature lands, the candidacy becomes AGREEMENT_SIGNED and {@code agreement.signed} is published.
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
    private final AgreementDocuments documents;
    private final NotificationContacts contacts;

    public AgreementService(EntityManager em, ApplicationRepository applications, Transitions transitions,
                            AuditTrail audit, ApplicationsConfig config, Clock clock, AgreementDocuments documents,
                            NotificationContacts contacts) {
        this.documents = documents;
        this.contacts = contacts;
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
        return view(agreement, AgreementAccess.isParty(caller, application));
    }

    /** The agreement's PDF as it stands, for its parties ({@link AgreementAccess}). */
    @Transactional
    public AgreementDocument document(Caller caller, UUID id) {
        Agreement agreement = find(id);
        Application application = applications.find(agreement.applicationId).orElseThrow();
        if (!AgreementAccess.isParty(caller, application)) {
            throw ProblemException.forbidden("the agreement's document is for its parties only: the staff of the "
                    + "pupil's school, the host and admins");
        }
        return documents.render(agreement);
    }

    /**
     * The host names its tutor for the week: a name and function, or one of the programme's tutors for a candidacy
     * of a programme (their name, their service's name as function; another programme's: 422). A change after a
     * signature takes the signatures back.
     */
    @Transactional
    public AgreementView setTutor(Caller caller, UUID id, TutorRequest request) {
        Locked locked = lock(id);
        requireInScope(caller, Roles.HOST, locked.application());
        Agreement agreement = locked.agreement();
        requireDraft(agreement);
        String name;
        String function;
        if (request.programmeTutorId() != null) {
            ProgrammeTutor tutor = ProgrammeTutor.findById(request.programmeTutorId());
            if (tutor == null || !tutor.programmeId.equals(locked.application().offerId)) {
                throw ProblemException.unprocessable("programmeTutorId", "is not a tutor of this candidacy's programme");
            }
            if (!tutor.active) {
                throw ProblemException.unprocessable("programmeTutorId", "this tutor is inactive");
            }
            ProgrammeCopy programme = ProgrammeCopy.findById(tutor.programmeId);
            name = tutor.name;
            function = programme == null ? tutor.serviceId : programme.services().stream()
                    .filter(service -> service.id().equals(tutor.serviceId)).map(ProgrammeCopy.Service::name)
                    .findFirst().orElse(tutor.serviceId);
        } else {
            if (request.name() == null || request.name().isBlank()) {
                throw ProblemException.invalid("name", "must not be blank (or name a programme's tutor: programmeTutorId)");
            }
            name = request.name().strip();
            function = request.function() == null ? null : request.function().strip();
        }
        boolean changed = !Objects.equals(name, agreement.tutorName) || !Objects.equals(function, agreement.tutorFunction);
        agreement.tutorName = name;
        agreement.tutorFunction = function;
        audit.record(caller, "agreement.tutor-set", "agreement", agreement.id, null);
        if (changed) {
            takeBackSignatures(actor(caller), agreement, "the tutor changed");
        }
        return flushed(agreement, true);
    }

    /**
     * The staff of the pupil's school give the family part: the pupil's and the legal representative's names. A
     * change after a signature takes the signatures back.
     */
    @Transactional
    public AgreementView setFamily(Caller caller, UUID id, AgreementPupilRequest request) {
        Locked locked = lock(id);
        if (!AgreementAccess.isSchoolStaff(caller, locked.application())) {
            throw ProblemException.forbidden("only the staff of the pupil's school name the pupil and their legal representative");
        }
        Agreement agreement = locked.agreement();
        requireDraft(agreement);
        changeFamilyPart(actor(caller), agreement, request.pupilName().strip(),
                request.legalRepresentativeName().strip(), "the pupil's or legal representative's name changed");
        return flushed(agreement, true);
    }

    /**
     * The legal representative, holding the family's signing link, gives or corrects their own name before signing
     * (audited as {@link Actor#FAMILY_VIA_SIGNING_LINK}); like the staff's change, a change after a signature takes
     * the signatures back. Returns the agreement (its pupil keys the family's contact). An unknown, spent or expired
     * link is a 404, a signed or cancelled agreement a 409.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Agreement setRepresentativeByLink(String token, String legalRepresentativeName) {
        Agreement agreement = lockByToken(token).agreement();
        requireDraft(agreement);
        changeFamilyPart(Actor.FAMILY_VIA_SIGNING_LINK, agreement, agreement.pupilName, legalRepresentativeName.strip(),
                "the legal representative's name changed");
        em.flush();
        return agreement;
    }

    /** One path for every change of the family part: stored, audited, and the signatures taken back if it changed. */
    private void changeFamilyPart(Actor who, Agreement agreement, String pupil, String representative, String change) {
        boolean changed = !Objects.equals(pupil, agreement.pupilName)
                || !Objects.equals(representative, agreement.legalRepresentativeName);
        agreement.pupilName = pupil;
        agreement.legalRepresentativeName = representative;
        audit.record(who.id(), who.role(), "agreement.family-set", "agreement", agreement.id, null);
        if (changed) {
            takeBackSignatures(who, agreement, change);
        }
    }

    /**
     * The host gives the week's daily hours (within what a pupil under 15 may do: 422 naming the day otherwise) and
     * the activities. A change after a signature takes the signatures back.
     */
    @Transactional
    public AgreementView setSchedule(Caller caller, UUID id, AgreementScheduleRequest request) {
        Locked locked = lock(id);
        requireInScope(caller, Roles.HOST, locked.application());
        Agreement agreement = locked.agreement();
        requireDraft(agreement);
        List<DailyHours> days = request.dailyHours().stream().map(day -> new DailyHours(day.day(),
                LocalTime.parse(day.start()), LocalTime.parse(day.end()), day.breakMinutes())).toList();
        DailyHours.violation(days).ifPresent(violation -> {
            throw ProblemException.unprocessable("dailyHours", violation);
        });
        String[] hours = days.stream().sorted(Comparator.comparing(DailyHours::day)).map(DailyHours::encode)
                .toArray(String[]::new);
        String activities = request.activities().strip();
        boolean changed = !Arrays.equals(hours, agreement.dailyHours) || !activities.equals(agreement.activities);
        agreement.dailyHours = hours;
        agreement.activities = activities;
        audit.record(caller, "agreement.schedule-set", "agreement", agreement.id, null);
        if (changed) {
            takeBackSignatures(actor(caller), agreement, "the daily hours or activities changed");
        }
        return flushed(agreement, true);
    }

    /**
     * The principal of the pupil's school, or the host, signs the document as it stands now: its SHA-256 is recorded
     * with the signature, with the name the signer gives. A signer who sends the hash of the document they read is
     * refused (409) when it is no longer the document's.
     */
    @Transactional
    public AgreementView sign(Caller caller, UUID id, SignRequest request) {
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
            requireComplete(agreement);
            String signed = signedDocument(agreement, request);
            agreement.principalSignedAt = now;
            agreement.principalSignedBy = caller.id();
            agreement.principalSignerName = signerName(request);
            agreement.principalDocumentSha256 = signed;
        } else {
            if (agreement.hostSignedAt != null) {
                throw ProblemException.conflict("the host already signed this agreement");
            }
            requireComplete(agreement);
            String signed = signedDocument(agreement, request);
            agreement.hostSignedAt = now;
            agreement.hostSignedBy = caller.id();
            agreement.hostSignerName = signerName(request);
            agreement.hostDocumentSha256 = signed;
        }
        audit.record(caller, "agreement.signed-by-" + role, "agreement", agreement.id, null);
        completeIfSigned(agreement, locked.application(), new Actor(caller.id(), role), now);
        return flushed(agreement, AgreementAccess.isParty(caller, locked.application()));
    }

    /** School staff ask for the family's signing link: a new one-time token (the previous one stops working). */
    @Transactional
    public SigningLinkView issueSigningLink(Caller caller, UUID id) {
        Locked locked = lock(id);
        if (!AgreementAccess.isSchoolStaff(caller, locked.application())) {
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
        return familyView(byToken(token));
    }

    /** The family's view of an agreement: what it signs, and the contact it gave (or the school gave for it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public FamilyAgreementView familyView(Agreement agreement) {
        return FamilyAgreementView.of(agreement, documents.render(agreement).sha256(),
                contacts.find(new Recipient(PartyKind.FAMILY, agreement.pupilId.toString())).orElse(null));
    }

    /** The document the holder of a signing link is about to sign. */
    @Transactional
    public AgreementDocument familyDocument(String token) {
        return documents.render(byToken(token));
    }

    /**
     * The legal representative signs through the link, the document as it stands now (its SHA-256 recorded, a stale
     * one refused as for the others); the link is spent.
     */
    @Transactional
    public FamilyAgreementView familySign(String token, SignRequest request) {
        Locked locked = lockByToken(token);
        Agreement agreement = locked.agreement();
        requireDraft(agreement);
        requireComplete(agreement);
        Instant now = clock.instant();
        agreement.familyDocumentSha256 = signedDocument(agreement, request);
        agreement.familySignerName = signerName(request);
        agreement.familySignedAt = now;
        agreement.signingTokenHash = null;
        agreement.signingTokenExpiresAt = null;
        audit.record(Actor.LEGAL_REPRESENTATIVE.id(), Actor.LEGAL_REPRESENTATIVE.role(), "agreement.signed-by-family",
                "agreement", agreement.id, null);
        completeIfSigned(agreement, locked.application(), Actor.LEGAL_REPRESENTATIVE, now);
        em.flush();
        return familyView(agreement);
    }

    /**
     * 409 naming every missing part ({@link ConventionCompleteness}) when the document still lacks what a convention
     * holds: nobody signs a document that says "à compléter". Thrown before anything is written.
     */
    private static void requireComplete(Agreement agreement) {
        List<ConventionCompleteness.Gap> gaps = ConventionCompleteness.gaps(AgreementDocuments.convention(agreement));
        if (!gaps.isEmpty()) {
            throw new ProblemException(409, "Incomplete agreement", ConventionCompleteness.describe(gaps),
                    gaps.stream().map(gap -> new Problem.Violation(gap.field(), gap.message())).toList());
        }
    }

    /**
     * The SHA-256 of the document a signature given now is bound to; 409 when the signer read another one (the
     * agreement changed, or another party signed, since).
     */
    private String signedDocument(Agreement agreement, SignRequest request) {
        String current = documents.render(agreement).sha256();
        if (request != null && request.documentSha256() != null && !request.documentSha256().equals(current)) {
            throw ProblemException.conflict("the document changed since it was read (its SHA-256 is now " + current
                    + "): read it again before signing");
        }
        return current;
    }

    private static String signerName(SignRequest request) {
        return request == null || request.signerName() == null ? null : request.signerName().strip();
    }

    /**
     * The agreement changed after one or more signatures: what they signed is no longer what it says, so they are
     * taken back, and the agreement says so ({@code signaturesReset}: when, what changed, whose signatures) and
     * the audit trail records it. A family that had signed needs a new link from the school's staff.
     */
    private void takeBackSignatures(Actor who, Agreement agreement, String change) {
        List<String> signed = agreement.signedParties();
        if (signed.isEmpty()) {
            return;
        }
        String reason = change + " after the signature of the " + String.join(", the ", signed)
                + ": the signatures were taken back and every party signs the new document"
                + (agreement.familySignedAt != null ? " (the school's staff issue a new signing link for the family)" : "");
        agreement.clearSignatures();
        agreement.signaturesResetAt = clock.instant();
        agreement.signaturesResetReason = reason;
        audit.record(who.id(), who.role(), "agreement.signatures-reset", "agreement", agreement.id, reason);
    }

    private static Actor actor(Caller caller) {
        return new Actor(caller.id(), caller.mainRole());
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

    /** The link's agreement, locked (as {@link #lock}); the link checked again under the lock (a race with a new one). */
    private Locked lockByToken(String token) {
        Locked locked = lock(byToken(token).id);
        if (!hash(token).equals(locked.agreement().signingTokenHash)) {
            throw unknownLink();
        }
        return locked;
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

    private AgreementView flushed(Agreement agreement, boolean party) {
        em.flush();
        return view(agreement, party);
    }

    private AgreementView view(Agreement agreement, boolean party) {
        return AgreementView.of(agreement, documents.render(agreement).sha256(), party);
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
