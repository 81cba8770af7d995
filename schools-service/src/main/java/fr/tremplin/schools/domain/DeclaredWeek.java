package fr.tremplin.schools.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.LocalDate;

/** An ISO week during which the school's 3e pupils go on internship, for one school year. */
@Embeddable
public class DeclaredWeek {
    @Column(name = "school_year")
    public String schoolYear;
    public String week;
    @Column(name = "starts_on")
    public LocalDate startsOn;

    public DeclaredWeek() {
    }

    public DeclaredWeek(String schoolYear, String week, LocalDate startsOn) {
        this.schoolYear = schoolYear;
        this.week = week;
        this.startsOn = startsOn;
    }
}
