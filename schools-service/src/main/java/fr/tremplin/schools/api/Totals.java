package fr.tremplin.schools.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;

/** The figures of a bassin's schools added up (placement follow-up: never a name). */
@Schema(name = "BassinTotals")
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
