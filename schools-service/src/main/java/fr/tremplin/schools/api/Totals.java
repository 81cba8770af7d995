package fr.tremplin.schools.api;

import java.util.List;

/** The figures of a bassin's schools added up (placement follow-up: never a name). */
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
