package fr.tremplin.applications;

import fr.tremplin.common.security.Roles;
import fr.tremplin.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static fr.tremplin.applications.Cohorts.plan;
import static fr.tremplin.applications.Fixtures.W05;
import static fr.tremplin.applications.Fixtures.admin;
import static fr.tremplin.applications.Fixtures.host;
import static fr.tremplin.applications.Fixtures.principal;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * Issue 13: a programme's bilan. Five schools of 100 pupils in 3e (REP+, REP, three others) share 10 seats, 2 each;
 * each nominates a girl and a boy, all accepted; the week is planned in two groups of 5 with a sports and a culture
 * tutor (voirie has none); then one pupil of the last school withdraws and the first school's two complete.
 */
@QuarkusTest
class BilanTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static ValidatableResponse bilan(String bearer, UUID programmeId, String query) {
        return given().header("Authorization", bearer).get("/api/v1/programmes/" + programmeId + "/bilan" + query)
                .then();
    }

    @Test
    void theBilanCountsSchoolsPrioritiesGroupsMixTutorsAndCompletionExactly() {
        Cohorts.Week week = Cohorts.accepted("volvic-bilan", W05, List.of(List.of("F", "M"), List.of("F", "M"),
                List.of("F", "M"), List.of("F", "M"), List.of("F", "M")), List.of("REP_PLUS", "REP", "NONE", "NONE", "NONE"));
        Fixtures.Offer programme = week.programme();
        TutorTest.addTutor(programme.hostBearer(), programme.id, "sports", "Alice Durand").statusCode(201);
        TutorTest.addTutor(programme.hostBearer(), programme.id, "culture", "Chloé Roux").statusCode(201);
        plan(programme.hostBearer(), programme.id, W05, 2L).statusCode(200);

        List<UUID> candidacies = new ArrayList<>(week.schoolOf().keySet());
        UUID withdrawn = candidacies.get(8);
        Fixtures.act(Fixtures.pupilToken(week.pupilOf().get(withdrawn), week.schools().get(4)), withdrawn, "cancel",
                "malade").statusCode(200);
        // the way to COMPLETED (agreement, signatures, the week's end) is AgreementTest's; here only the count matters
        for (UUID done : candidacies.subList(0, 2)) {
            TestEvents.execute("UPDATE application SET state = 'COMPLETED' WHERE id = ?", done);
        }

        String repPlus = week.schools().get(0);
        String json = bilan(programme.hostBearer(), programme.id, "").statusCode(200)
                .body("schoolYear", equalTo("2027-2028"))
                .body("schools", hasSize(5))
                .body("schools.find { it.uai == '" + repPlus + "' }.priority", equalTo("REP_PLUS"))
                .body("schools.find { it.uai == '" + repPlus + "' }.seatsAllocated", equalTo(2))
                .body("schools.find { it.uai == '" + repPlus + "' }.completed", equalTo(2))
                .body("schools.find { it.uai == '" + week.schools().get(4) + "' }.nominated", equalTo(1))
                .body("schools.find { it.uai == '" + week.schools().get(4) + "' }.acceptedOrLater", equalTo(1))
                .body("priorities.priority", contains("REP_PLUS", "REP", "NONE"))
                .body("priorities.schools", contains(1, 1, 3))
                .body("priorities.seatsAllocated", contains(2, 2, 6))
                .body("priorities.nominated", contains(2, 2, 5))
                .body("priorities.acceptedOrLater", contains(2, 2, 5))
                .body("priorities.completed", contains(2, 0, 0))
                .body("total.priority", equalTo("ALL")).body("total.schools", equalTo(5))
                .body("total.seatsAllocated", equalTo(10)).body("total.nominated", equalTo(9))
                .body("total.acceptedOrLater", equalTo(9)).body("total.completed", equalTo(2))
                .body("weeks", hasSize(1)).body("weeks[0].week", equalTo(W05)).body("weeks[0].groups", equalTo(2))
                .body("weeks[0].pupils", equalTo(10)).body("weeks[0].sizes", contains(5, 5))
                .body("mix.groups", equalTo(2)).body("mix.sameSchoolPairs", equalTo(0))
                .body("mix.sameSchoolPairsBound", equalTo(0)).body("mix.groupsWithoutSameSchoolPair", equalTo(2))
                .body("mix.meanDistinctSchoolsPerGroup", equalTo(5.0f))
                .body("mix.genderImbalance", equalTo(2)).body("mix.genderImbalanceBound", equalTo(2))
                .body("mix.groupsWithinOne", equalTo(2))
                .body("tutors.mobilised", equalTo(2)).body("tutors.visits", equalTo(4))
                .body("tutors.visitsWithoutTutor", equalTo(2))
                .body("completion.completed", equalTo(2)).body("completion.acceptedOrLater", equalTo(9))
                .body("completion.nominated", equalTo(9))
                .body("completion.ofAcceptedOrLater", equalTo(0.222f)).body("completion.ofNominated", equalTo(0.222f))
                .extract().asString();
        for (UUID candidacy : candidacies) {
            assertThat(json).doesNotContain(candidacy.toString()).doesNotContain(week.pupilOf().get(candidacy).toString());
        }
        assertThat(json).doesNotContain("\"F\"").doesNotContain("\"M\"");

        String csv = given().header("Authorization", admin()).accept("text/csv")
                .get("/api/v1/programmes/" + programme.id + "/bilan").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        List<String> lines = List.of(csv.split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("line,uai,priority,schools,seatsAllocated,nominated,acceptedOrLater,completed");
        assertThat(lines).contains("school," + repPlus + ",REP_PLUS,1,2,2,2,2", "priority,,REP,1,2,2,2,0",
                "total,,ALL,5,10,9,9,2").hasSize(1 + 5 + 3 + 1);
        assertThat(given().header("Authorization", admin()).accept("text/csv").queryParam("separator", ";")
                .get("/api/v1/programmes/" + programme.id + "/bilan").then().statusCode(200).extract().asString())
                .contains("total;;ALL;5;10;9;9;2");

        bilan(programme.hostBearer(), programme.id, "?schoolYear=2026-2027").statusCode(200)
                .body("schools", empty()).body("weeks", empty()).body("total.nominated", equalTo(0))
                .body("mix.meanDistinctSchoolsPerGroup", nullValue()).body("completion.ofNominated", nullValue());
        bilan(TestTokens.as(Roles.MINISTRY).claim("ministry", "MINARM").bearer(), programme.id, "").statusCode(200);
        bilan(TestTokens.as(Roles.MINISTRY).claim("ministry", "MINEFI").bearer(), programme.id, "").statusCode(403);
        bilan(host(UUID.randomUUID()), programme.id, "").statusCode(403);
        bilan(principal(repPlus), programme.id, "").statusCode(403);
        bilan(TestTokens.as(Roles.TERRITORY).claim("departments", List.of("63")).bearer(), programme.id, "")
                .statusCode(403);
        bilan(admin(), programme.id, "?schoolYear=2027").statusCode(400);
        bilan(admin(), programme.id, "?separator=x").statusCode(400);
        bilan(admin(), UUID.randomUUID(), "").statusCode(404);
    }
}
