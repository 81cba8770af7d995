package fr.tremplin.schools.api;

import fr.tremplin.common.web.Versioned;
import fr.tremplin.schools.domain.DeclaredWeek;
import fr.tremplin.schools.domain.Priority;
import fr.tremplin.schools.domain.School;

import java.util.Comparator;
import java.util.List;

/** A school as anybody reads it: public open data plus what its principal declared (weeks, 3e count). */
public record SchoolView(String uai, String name, String city, String zipcode, String department,
                         String departmentName, String academy, String academyName, String bassin,
                         Priority priority, Double latitude, Double longitude, Integer thirdYearPupils,
                         List<WeekView> declaredWeeks, int version) implements Versioned {
    public static SchoolView of(School school, String departmentName, String academyName) {
        List<WeekView> weeks = school.weeks.stream()
                .sorted(Comparator.comparing((DeclaredWeek w) -> w.startsOn))
                .map(w -> new WeekView(w.schoolYear, w.week, w.startsOn)).toList();
        return new SchoolView(school.uai, school.name, school.city, school.zipcode, school.departmentCode,
                departmentName, school.academyCode, academyName, school.bassinId, school.priority,
                school.latitude, school.longitude, school.thirdYearPupils, weeks, school.version);
    }
}
