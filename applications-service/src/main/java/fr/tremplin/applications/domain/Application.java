package fr.tremplin.applications.domain;

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
 * A candidacy: one pupil, one offer, one week. Carries a copy of what its events and scope checks need (school,
 * class, organisation, département, ministry, relay) as it was at submission, so that no read needs a join.
 * Its state only ever changes through {@code service.Transitions} (the lifecycle table).
 */
@Entity
public class Application extends PanacheEntityBase {
    public static final String APPLICATION = "APPLICATION";
    public static final String NOMINATION = "NOMINATION";

    @Id
    public UUID id;
    @Column(name = "pupil_id")
    public UUID pupilId;
    @Column(name = "school_uai")
    public String schoolUai;
    @Column(name = "school_priority")
    public String schoolPriority;
    @Column(name = "school_department")
    public String schoolDepartment;
    @Column(name = "class_id")
    public String classId;
    @Column(name = "offer_id")
    public UUID offerId;
    @Column(name = "offer_title")
    public String offerTitle;
    @Column(name = "organisation_id")
    public UUID organisationId;
    @Column(name = "ministry_code")
    public String ministryCode;
    public String department;
    public String week;
    @Column(name = "starts_on")
    public LocalDate startsOn;
    public String motivation;
    @Enumerated(EnumType.STRING)
    public ApplicationState state;
    @Column(name = "relay_id")
    public String relayId;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "submitted_by_role")
    public String submittedByRole;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "state_since")
    public Instant stateSince;
    @Column(name = "forwarded_at")
    public Instant forwardedAt;
    @Column(name = "hold_expires_at")
    public Instant holdExpiresAt;
    @Column(name = "redirected_to")
    public UUID redirectedTo;
    @Column(name = "redirected_from")
    public UUID redirectedFrom;
    @Column(name = "agreement_id")
    public UUID agreementId;
    @Column(name = "claimed_by")
    public String claimedBy;
    @Column(name = "claimed_until")
    public Instant claimedUntil;
    /** APPLICATION, or NOMINATION: a school nominated the pupil to a programme (issue 13). */
    public String origin = APPLICATION;
    @Version
    public int version;
}
