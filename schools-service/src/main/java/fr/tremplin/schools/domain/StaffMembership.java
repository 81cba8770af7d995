package fr.tremplin.schools.domain;

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
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A person's function in a school, recorded by its principal (or an admin). The person is known only by the
 * {@code sub} of their token; a main teacher's membership names the classes they lead.
 */
@Entity
@Table(name = "staff_membership")
public class StaffMembership extends PanacheEntityBase {
    @Id
    public UUID id;
    public String uai;
    @Column(name = "person_id")
    public String personId;
    @Enumerated(EnumType.STRING)
    public StaffRole role;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_membership_class", joinColumns = @JoinColumn(name = "membership_id"))
    @Column(name = "class_id")
    public Set<UUID> classIds = new LinkedHashSet<>();
}
