package fr.tremplin.schools.rest;

import fr.tremplin.schools.repository.PlacementFigures.Figures;

import java.time.LocalDate;
import java.util.List;

/** Placement follow-up for coordinators and referents: figures only, never a name. */
public final class FollowUpViews {

    private FollowUpViews() {
    }

    public record Totals(int schools, long pupils, long withoutApplication, long applied, long accepted,
                         long placed, long completed) {
        public static Totals of(List<Figures> schools) {
            return new Totals(schools.size(), schools.stream().mapToLong(Figures::pupils).sum(),
                    schools.stream().mapToLong(Figures::withoutApplication).sum(),
                    schools.stream().mapToLong(Figures::applied).sum(),
                    schools.stream().mapToLong(Figures::accepted).sum(),
                    schools.stream().mapToLong(Figures::placed).sum(),
                    schools.stream().mapToLong(Figures::completed).sum());
        }
    }

    /**
     * One ISO week of the school year: the bassin's schools that declared it, how many pupils they send on
     * internship (their declared 3e count, else the pupils recorded) and how many internships are already secured
     * in that week. A week where many pupils are due at once saturates the host organisations around.
     */
    public record WeekLoad(String week, LocalDate startsOn, List<String> schools, long pupilsDue,
                           long securedInternships) {
    }

    public record BassinOverview(String bassinId, String name, String academy, String department, String schoolYear,
                                 Totals totals, List<WeekLoad> weeks, List<Figures> schools) {
    }
}
