package fr.tremplin.schools.api;

import fr.tremplin.schools.domain.Priority;
import fr.tremplin.schools.domain.School;

/** A school in a search result: public open data. */
public record SchoolSummary(String uai, String name, String city, String zipcode, String department,
                            String academy, String bassin, Priority priority, Double latitude, Double longitude) {
    public static SchoolSummary of(School school) {
        return new SchoolSummary(school.uai, school.name, school.city, school.zipcode, school.departmentCode,
                school.academyCode, school.bassinId, school.priority, school.latitude, school.longitude);
    }
}
