package fr.tremplin.schools.api;

import java.time.LocalDate;

/** An internship week a school declared for a school year, with its Monday. */
public record WeekView(String schoolYear, String week, LocalDate startsOn) {
}
