package fr.tremplin.applications.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * This service's copy of one main teacher's assignment to one class, as last seen on {@code tremplin.schools.v1}
 * (schools-service's staff memberships own it): the class, the person (their token's {@code sub}), the school, and
 * whether they lead it still. Written only by {@code service.ClassTeacherCopies}.
 */
@Entity
@Table(name = "class_teacher_copy")
public class ClassTeacherCopy extends PanacheEntityBase {

    @EmbeddedId
    public Key id;
    public String uai;
    public boolean leads;
    @Column(name = "as_of")
    public Instant asOf;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "class_id")
        public String classId;
        @Column(name = "person_id")
        public String personId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(classId, key.classId)
                    && Objects.equals(personId, key.personId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(classId, personId);
        }
    }

    /** The classes of this school the person leads, as their principal recorded it. */
    public static List<String> classesLedBy(String uai, String personId) {
        if (uai == null || personId == null) {
            return List.of();
        }
        return ClassTeacherCopy.<ClassTeacherCopy>list("id.personId = ?1 and uai = ?2 and leads = true", personId, uai)
                .stream().map(copy -> copy.id.classId).toList();
    }
}
