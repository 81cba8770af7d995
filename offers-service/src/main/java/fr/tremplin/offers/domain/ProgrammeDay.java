package fr.tremplin.offers.domain;

import jakarta.persistence.Embeddable;

/** One day (1 to 5) of a programme's week: what it is about. */
@Embeddable
public class ProgrammeDay {
    public int day;
    public String title;
    public String description;

    public ProgrammeDay() {
    }

    public ProgrammeDay(int day, String title, String description) {
        this.day = day;
        this.title = title;
        this.description = description;
    }
}
