package fr.tremplin.applications.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * This service's copy of a pupil, as last seen on {@code tremplin.schools.v1} (schools-service owns it): id, school and
 * class, never a name. Written only by {@code service.SchoolReadModel}; the table keeps its first name, {@code pupil_view}.
 */
@Entity
@Table(name = "pupil_view")
public class PupilCopy extends PanacheEntityBase {
    @Id
    @Column(name = "pupil_id")
    public UUID pupilId;
    public String uai;
    @Column(name = "class_id")
    public String classId;
    public String priority;
    @Column(name = "school_year")
    public String schoolYear;
    public boolean erased;
    @Column(name = "as_of")
    public Instant asOf;
}
