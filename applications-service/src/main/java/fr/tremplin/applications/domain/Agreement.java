package fr.tremplin.applications.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The internship agreement (convention de stage), drafted when a candidacy is confirmed. Signed by the school's
 * principal, the host and a legal representative of the pupil (through a one-time link; only its hash is kept).
 */
@Entity
public class Agreement extends PanacheEntityBase {

    @Schema(name = "AgreementStatus", description = "DRAFT until the three signatures, then SIGNED; CANCELLED with its candidacy")
    public enum Status {
        DRAFT, SIGNED, CANCELLED
    }

    @Id
    public UUID id;
    @Column(name = "application_id")
    public UUID applicationId;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "pupil_id")
    public UUID pupilId;
    @Column(name = "school_uai")
    public String schoolUai;
    @Column(name = "class_id")
    public String classId;
    @Column(name = "offer_id")
    public UUID offerId;
    @Column(name = "offer_title")
    public String offerTitle;
    @Column(name = "organisation_id")
    public UUID organisationId;
    @Column(name = "organisation_name")
    public String organisationName;
    public String city;
    public String week;
    @Column(name = "starts_on")
    public LocalDate startsOn;
    @Column(name = "ends_on")
    public LocalDate endsOn;
    @Column(name = "tutor_name")
    public String tutorName;
    @Column(name = "tutor_function")
    public String tutorFunction;
    @Column(name = "principal_signed_at")
    public Instant principalSignedAt;
    @Column(name = "principal_signed_by")
    public String principalSignedBy;
    @Column(name = "host_signed_at")
    public Instant hostSignedAt;
    @Column(name = "host_signed_by")
    public String hostSignedBy;
    @Column(name = "family_signed_at")
    public Instant familySignedAt;
    @Column(name = "signing_token_hash")
    public String signingTokenHash;
    @Column(name = "signing_token_expires_at")
    public Instant signingTokenExpiresAt;
    /** The family part of the convention, given by the school's staff: the pupil's and a legal representative's names. */
    @Column(name = "pupil_name")
    public String pupilName;
    @Column(name = "legal_representative_name")
    public String legalRepresentativeName;
    /** The week as the host organises it: one {@code DailyHours} per day of presence (encoded), and the activities. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "daily_hours")
    public String[] dailyHours;
    public String activities;
    /** Each signature: the name the signer gave and the SHA-256 of the document as it was served when they signed. */
    @Column(name = "principal_signer_name")
    public String principalSignerName;
    @Column(name = "principal_document_sha256")
    public String principalDocumentSha256;
    @Column(name = "host_signer_name")
    public String hostSignerName;
    @Column(name = "host_document_sha256")
    public String hostDocumentSha256;
    @Column(name = "family_signer_name")
    public String familySignerName;
    @Column(name = "family_document_sha256")
    public String familyDocumentSha256;
    /** The last change that cancelled the signatures already given, and why (which change, whose signatures). */
    @Column(name = "signatures_reset_at")
    public Instant signaturesResetAt;
    @Column(name = "signatures_reset_reason")
    public String signaturesResetReason;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "signed_at")
    public Instant signedAt;
    @Version
    public int version;

    /** The roles whose signature is given, in the order of the signatures block. */
    public java.util.List<String> signedParties() {
        java.util.List<String> parties = new java.util.ArrayList<>();
        if (principalSignedAt != null) {
            parties.add("principal");
        }
        if (hostSignedAt != null) {
            parties.add("host");
        }
        if (familySignedAt != null) {
            parties.add("legal representative");
        }
        return parties;
    }

    /** Takes back every signature given (the agreement changed after them): what was signed is no longer what it says. */
    public void clearSignatures() {
        principalSignedAt = null;
        principalSignedBy = null;
        principalSignerName = null;
        principalDocumentSha256 = null;
        hostSignedAt = null;
        hostSignedBy = null;
        hostSignerName = null;
        hostDocumentSha256 = null;
        familySignedAt = null;
        familySignerName = null;
        familyDocumentSha256 = null;
    }

    public boolean fullySigned() {
        return principalSignedAt != null && hostSignedAt != null && familySignedAt != null;
    }
}
