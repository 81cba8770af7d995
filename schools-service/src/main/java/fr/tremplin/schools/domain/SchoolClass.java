package fr.tremplin.schools.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A class of a school for one school year ("3e B", 2026-2027). */
@Entity
@Table(name = "school_class")
public class SchoolClass extends PanacheEntityBase {
    @Id
    public UUID id;
    public String uai;
    public String name;
    @Column(name = "school_year")
    public String schoolYear;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;
}
