package fr.tremplin.schools.api;

import java.time.LocalDate;
import java.util.List;

/**
 * One ISO week of the school year: the bassin's schools that declared it, how many pupils they send on
 * internship (their declared 3e count, else the pupils recorded) and how many internships are already secured
 * in that week. A week where many pupils are due at once saturates the host organisations around.
 */
public record WeekLoad(String week, LocalDate startsOn, List<String> schools, long pupilsDue,
                       long securedInternships) {
}
