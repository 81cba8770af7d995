package fr.tremplin.schools.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * A bassin d'éducation et de formation and its pôle de stages: a group of schools of one académie whose
 * coordinator watches that no pupil is left without an internship. Its id is a slug chosen by the admin
 * ({@code lille-roubaix}) and is what a coordinator's {@code bassin} claim carries.
 */
@Entity
public class Bassin extends PanacheEntityBase {
    @Id
    public String id;
    public String name;
    @Column(name = "academy_code")
    public String academyCode;
    @Column(name = "department_code")
    public String departmentCode;
    /** The person id (token {@code sub}) of the pôle de stages coordinator, for information. */
    @Column(name = "coordinator_id")
    public String coordinatorId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;
}
