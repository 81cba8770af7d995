package fr.tremplin.applications.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/**
 * This service's copy of a school, as last seen on {@code tremplin.schools.v1} (schools-service owns it): its priority,
 * département and declared internship weeks. Written only by {@code service.SchoolReadModel}; the table keeps its first
 * name, {@code school_view}.
 */
@Entity
@Table(name = "school_view")
public class SchoolCopy extends PanacheEntityBase {

    public static final String REP = "REP";
    public static final String REP_PLUS = "REP_PLUS";

    @Id
    public String uai;
    /** Its name and city, for the agreement's document; null until an event carrying them. */
    public String name;
    public String city;
    public String priority;
    public String department;
    public String academy;
    /** The school's bassin (TerritoryId), a programme's possible territory. */
    public String bassin;
    /** The 3e headcount its principal declared; null when not declared (the school is then not counted). */
    @Column(name = "third_year_pupils")
    public Integer thirdYearPupils;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "declared_weeks")
    public String[] declaredWeeks;
    @Column(name = "as_of")
    public Instant asOf;
}
