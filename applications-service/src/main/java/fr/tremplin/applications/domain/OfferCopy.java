package fr.tremplin.applications.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * This service's copy of an offer, as last seen on {@code tremplin.offers.v1} (offers-service owns it); written only by
 * {@code service.OfferReadModel}. A copy, not a response: the table keeps its first name, {@code offer_view}.
 */
@Entity
@Table(name = "offer_view")
public class OfferCopy extends PanacheEntityBase {

    public static final String PUBLISHED = "PUBLISHED";
    public static final String REMOVED = "REMOVED";
    public static final String OFFER = "OFFER";
    public static final String PROGRAMME = "PROGRAMME";

    @Id
    @Column(name = "offer_id")
    public UUID offerId;
    public String title;
    public String status;
    @Column(name = "organisation_id")
    public UUID organisationId;
    @Column(name = "organisation_name")
    public String organisationName;
    @Column(name = "ministry_code")
    public String ministryCode;
    public String department;
    public String city;
    /** NONE, REP (REP and REP+ pupils only) or SCHOOL (the pupils of {@link #reservedSchoolUai} only). */
    public String reservation;
    @Column(name = "reserved_school_uai")
    public String reservedSchoolUai;
    @Column(name = "capacity_per_week")
    public int capacityPerWeek;
    @Column(name = "school_year")
    public String schoolYear;
    /** OFFER, or PROGRAMME: a collective programme, whose places are given by nomination ({@code ProgrammeCopy}). */
    public String kind = OFFER;
    public Integer version;
    @Column(name = "as_of")
    public Instant asOf;

    public boolean isProgramme() {
        return PROGRAMME.equals(kind);
    }

    /**
     * True when this copy is more recent than an event of the offer of this version and time, which must then change
     * nothing: a higher version, or, when the versions are the same or one is missing, a later time.
     */
    public boolean isNewerThan(Integer eventVersion, Instant eventAsOf) {
        if (eventVersion != null && version != null && !eventVersion.equals(version)) {
            return eventVersion < version;
        }
        return eventAsOf.isBefore(asOf);
    }
}
