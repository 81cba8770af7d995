package fr.tremplin.applications.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

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
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "signed_at")
    public Instant signedAt;
    @Version
    public int version;

    public boolean fullySigned() {
        return principalSignedAt != null && hostSignedAt != null && familySignedAt != null;
    }
}
