package fr.tremplin.offers.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An internship offer; {@code location} and {@code search_vector} are computed by PostgreSQL from these columns. */
@Entity
public class Offer extends PanacheEntityBase {
    @Id
    public UUID id;
    public String title;
    public String description;
    @Column(name = "sector_id")
    public String sectorId;
    @Column(name = "organisation_id")
    public UUID organisationId;
    @Column(name = "organisation_name")
    public String organisationName;
    @Column(name = "public_sector")
    public boolean publicSector;
    @Column(name = "ministry_code")
    public String ministryCode;
    public String street;
    public String zipcode;
    public String city;
    public String department;
    public String academy;
    public double latitude;
    public double longitude;
    @Column(name = "school_year")
    public String schoolYear;
    @Column(name = "capacity_per_week")
    public int capacityPerWeek;
    @Column(name = "max_group_size")
    public int maxGroupSize;
    @Enumerated(EnumType.STRING)
    public Reservation reservation = Reservation.NONE;
    @Column(name = "reserved_school_uai")
    public String reservedSchoolUai;
    @Enumerated(EnumType.STRING)
    public OfferStatus status;
    /** PROGRAMME: a collective programme, whose definition is the {@link Programme} of the same id. */
    @Enumerated(EnumType.STRING)
    public OfferKind kind = OfferKind.OFFER;
    public String operator;
    @Column(name = "external_ref")
    public String externalRef;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "offer_week", joinColumns = @JoinColumn(name = "offer_id"))
    @OrderBy("startsOn")
    public List<OfferWeek> weeks = new ArrayList<>();
}
