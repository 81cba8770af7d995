package fr.tremplin.applications.api;

import fr.tremplin.common.web.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import fr.tremplin.applications.domain.Agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An agreement: the parties (school, host and its tutor, pupil by id), the dates of the week, and who signed when.
 * The family's signing link itself is never shown again after it was issued.
 */
public record AgreementView(UUID id, UUID applicationId, Agreement.Status status, UUID pupilId, String schoolUai,
                            String classId, UUID offerId, String offerTitle, UUID organisationId,
                            String organisationName, String city, String week, LocalDate startsOn, LocalDate endsOn,
                            Tutor tutor, Signatures signatures, Instant signingLinkExpiresAt, Instant createdAt,
                            Instant signedAt, int version) implements Versioned {

    @Schema(name = "AgreementTutor", description = "The host's tutor for the week")
    public record Tutor(String name, String function) {
    }

    @Schema(name = "AgreementSignatures", description = "The three signatures an agreement needs")
    public record Signatures(Signature principal, Signature host, Signature legalRepresentative) {
    }

    @Schema(name = "AgreementSignature", description = "One party's signature: whether and when, and by whom for the school and the host")
    public record Signature(boolean signed, Instant signedAt, String signedBy) {
    }

    public static AgreementView of(Agreement a) {
        return new AgreementView(a.id, a.applicationId, a.status, a.pupilId, a.schoolUai, a.classId, a.offerId,
                a.offerTitle, a.organisationId, a.organisationName, a.city, a.week, a.startsOn, a.endsOn,
                a.tutorName == null ? null : new Tutor(a.tutorName, a.tutorFunction),
                new Signatures(new Signature(a.principalSignedAt != null, a.principalSignedAt, a.principalSignedBy),
                        new Signature(a.hostSignedAt != null, a.hostSignedAt, a.hostSignedBy),
                        new Signature(a.familySignedAt != null, a.familySignedAt, null)),
                a.signingTokenHash == null ? null : a.signingTokenExpiresAt, a.createdAt, a.signedAt, a.version);
    }
}
