package fr.tremplin.applications;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.tremplin.applications.Fixtures.principal;
import static fr.tremplin.applications.Fixtures.schoolWithThirdYears;
import static io.restassured.RestAssured.given;

/**
 * A programme's week with accepted nominations, built through the API as schools and hosts do it (issue 13): schools
 * of one bassin that declared the same 3e count, a programme over them, seats allocated, each school nominating its
 * pupils with the genders given, the host accepting the week.
 */
final class Cohorts {

    /** The programme, its schools in creation order, and each candidacy with its school. */
    record Week(Fixtures.Offer programme, List<String> schools, Map<UUID, String> schoolOf, Map<UUID, UUID> pupilOf) {

        /** The pupil confirms their place: the candidacy is CONFIRMED; returns the agreement's id. */
        String confirm(UUID candidacy) {
            return Fixtures.act(Fixtures.pupilToken(pupilOf.get(candidacy), schoolOf.get(candidacy)), candidacy,
                    "confirm", null).statusCode(200).extract().path("agreementId");
        }
    }

    private Cohorts() {
    }

    /**
     * {@code genders[s]}: the genders of school s's pupils ("F", "M" or null); every school gets the same seats, so
     * each school has as many pupils as the largest list; seats per week = the pupils.
     */
    static Week accepted(String bassin, String week, List<List<String>> genders) {
        return accepted(bassin, week, genders, genders.stream().map(g -> "NONE").toList());
    }

    /** As above, school s of priority {@code priorities[s]} (every school declares 100 pupils in 3e). */
    static Week accepted(String bassin, String week, List<List<String>> genders, List<String> priorities) {
        List<String> schools = new ArrayList<>();
        for (int s = 0; s < genders.size(); s++) {
            schools.add(schoolWithThirdYears("63", bassin, priorities.get(s), 100));
        }
        int pupils = genders.stream().mapToInt(List::size).sum();
        Fixtures.Offer programme = Fixtures.programme("63", pupils, false, schools, week);
        ProgrammeAllocationTest.allocate(programme.hostBearer(), programme.id).statusCode(200);
        Map<UUID, String> schoolOf = new LinkedHashMap<>();
        Map<UUID, UUID> pupilOf = new LinkedHashMap<>();
        for (int s = 0; s < schools.size(); s++) {
            for (String gender : genders.get(s)) {
                UUID pupil = Fixtures.pupil(schools.get(s), "3A", priorities.get(s));
                String id = NominationTest.nominate(principal(schools.get(s)), programme.id, pupil, week, gender)
                        .statusCode(201).extract().path("id");
                schoolOf.put(UUID.fromString(id), schools.get(s));
                pupilOf.put(UUID.fromString(id), pupil);
            }
        }
        NominationTest.acceptAll(programme.hostBearer(), programme.id, week).statusCode(200);
        return new Week(programme, schools, schoolOf, pupilOf);
    }

    static ValidatableResponse plan(String bearer, UUID programmeId, String week, Long seed) {
        var request = given().header("Authorization", bearer).contentType(ContentType.JSON);
        if (seed != null) {
            Map<String, Object> body = new HashMap<>();
            body.put("seed", seed);
            request = request.body(body);
        }
        return request.post("/api/v1/programmes/" + programmeId + "/weeks/" + week + "/plan").then();
    }

    static ValidatableResponse readPlan(String bearer, UUID programmeId, String week) {
        return given().header("Authorization", bearer)
                .get("/api/v1/programmes/" + programmeId + "/weeks/" + week + "/plan").then();
    }

    /** A service of a programme's definition, as the offer events carry it. */
    static Map<String, Object> service(String id, String name, int dailyCapacityGroups) {
        return Map.of("id", id, "name", name, "dailyCapacityGroups", dailyCapacityGroups);
    }
}
