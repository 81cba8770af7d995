package fr.tremplin.schools.api;

import java.util.List;

/** A bassin week by week, for its coordinator and referents: figures only, never a name. */
public record BassinOverview(String bassinId, String name, String academy, String department, String schoolYear,
                             Totals totals, List<WeekLoad> weeks, List<Figures> schools) {
}
