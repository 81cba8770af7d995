package fr.tremplin.offers.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "host_organisation")
public class HostOrganisation extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    public String siret;
    @Column(name = "public_sector")
    public boolean publicSector;
    @Column(name = "ministry_code")
    public String ministryCode;
    public String street;
    public String zipcode;
    public String city;
    /** Set when an operator created it through ingestion. */
    public String operator;
    @Column(name = "created_at")
    public Instant createdAt = Instant.now();
    @Column(name = "updated_at")
    public Instant updatedAt = Instant.now();
    @Version
    public int version;
}
