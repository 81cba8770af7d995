package fr.tremplin.applications.api;

import fr.tremplin.applications.domain.Agreement;
import fr.tremplin.applications.domain.document.DailyHours;
import fr.tremplin.common.web.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An agreement: the parties (school, host and its tutor, pupil by id; the pupil's and legal representative's names
 * for the agreement's parties only), the dates and hours of the week, the activities, who signed when and on which
 * document, the SHA-256 of its document as served now, and the last time a change took the signatures back. The
 * family's signing link itself is never shown again after it was issued.
 */
public record AgreementView(UUID id, UUID applicationId, Agreement.Status status, UUID pupilId, String schoolUai,
                            String classId, UUID offerId, String offerTitle, UUID organisationId,
                            String organisationName, String city, String week, LocalDate startsOn, LocalDate endsOn,
                            Tutor tutor,
                            @Schema(description = "The pupil's and legal representative's names, shown to the "
                                    + "agreement's parties only (school staff, host, admin); null until given")
                            Family family,
                            List<AgreementDay> dailyHours, String activities, Signatures signatures,
                            @Schema(description = "The SHA-256 (hex) of GET /api/v1/agreements/{id}/document as served "
                                    + "now: send it as documentSha256 when signing")
                            String documentSha256,
                            @Schema(description = "The last change that took back the signatures already given; null if none")
                            SignaturesReset signaturesReset,
                            Instant signingLinkExpiresAt, Instant createdAt, Instant signedAt, int version)
        implements Versioned {

    @Schema(name = "AgreementTutor", description = "The host's tutor for the week")
    public record Tutor(String name, String function) {
    }

    @Schema(name = "AgreementFamily", description = "The pupil and the legal representative, as the school's staff named them")
    public record Family(String pupilName, String legalRepresentativeName) {
    }

    @Schema(name = "AgreementSignatures", description = "The three signatures an agreement needs")
    public record Signatures(Signature principal, Signature host, Signature legalRepresentative) {
    }

    @Schema(name = "AgreementSignature", description = "One party's signature: whether and when, by whom for the school "
            + "and the host, under which name, on the document of which SHA-256")
    public record Signature(boolean signed, Instant signedAt, String signedBy, String signerName,
                            String documentSha256) {
    }

    @Schema(name = "AgreementSignaturesReset", description = "Signatures taken back because the agreement changed after them")
    public record SignaturesReset(Instant at, String reason) {
    }

    /** The view of a caller; {@code party} shows the family's names (school staff, host, admin). */
    public static AgreementView of(Agreement a, String documentSha256, boolean party) {
        return new AgreementView(a.id, a.applicationId, a.status, a.pupilId, a.schoolUai, a.classId, a.offerId,
                a.offerTitle, a.organisationId, a.organisationName, a.city, a.week, a.startsOn, a.endsOn,
                a.tutorName == null ? null : new Tutor(a.tutorName, a.tutorFunction),
                party ? family(a) : null,
                DailyHours.decode(a.dailyHours).stream().map(AgreementDay::of).toList(), a.activities,
                new Signatures(
                        new Signature(a.principalSignedAt != null, a.principalSignedAt, a.principalSignedBy,
                                a.principalSignerName, a.principalDocumentSha256),
                        new Signature(a.hostSignedAt != null, a.hostSignedAt, a.hostSignedBy, a.hostSignerName,
                                a.hostDocumentSha256),
                        new Signature(a.familySignedAt != null, a.familySignedAt, null, a.familySignerName,
                                a.familyDocumentSha256)),
                documentSha256,
                a.signaturesResetAt == null ? null : new SignaturesReset(a.signaturesResetAt, a.signaturesResetReason),
                a.signingTokenHash == null ? null : a.signingTokenExpiresAt, a.createdAt, a.signedAt, a.version);
    }

    static Family family(Agreement a) {
        return a.pupilName == null && a.legalRepresentativeName == null ? null
                : new Family(a.pupilName, a.legalRepresentativeName);
    }
}
