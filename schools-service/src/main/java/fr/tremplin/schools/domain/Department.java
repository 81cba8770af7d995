package fr.tremplin.schools.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A département, seeded by the migrations, with the académie it belongs to. */
@Entity
public class Department extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    @Column(name = "academy_code")
    public String academyCode;
}
