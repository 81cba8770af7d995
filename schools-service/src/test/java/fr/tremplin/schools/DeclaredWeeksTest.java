package fr.tremplin.schools;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static fr.tremplin.schools.SchoolFixtures.principal;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/**
 * A school declares no internship week that has begun (its Monday is today or earlier, by the service's clock); a
 * new list may repeat the begun weeks it had already declared. The clock is fixed on Wednesday 3 February 2027, in
 * 2027-W05 of the school year 2026-2027.
 */
@QuarkusTest
class DeclaredWeeksTest {

    private static final Instant WEDNESDAY_OF_2027_W05 = Instant.parse("2027-02-03T09:00:00Z");

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void defaultDay() {
        FixedClock.reset();
    }

    private static io.restassured.response.ValidatableResponse declare(String uai, String... weeks) {
        return given().header("Authorization", principal(uai)).contentType(ContentType.JSON)
                .body(Map.of("schoolYear", "2026-2027", "weeks", List.of(weeks)))
                .put("/api/v1/schools/" + uai + "/weeks").then();
    }

    @Test
    void aWeekThatHasBegunIsRefusedNamingItAndNothingIsDeclared() {
        String uai = SchoolFixtures.school("059", "59", "REP_PLUS");
        FixedClock.fix(WEDNESDAY_OF_2027_W05);

        declare(uai, "2027-W06", "2027-W05").statusCode(422).contentType("application/problem+json")
                .body("violations.field", contains("weeks[1]"))
                .body("violations[0].message", equalTo(
                        "2027-W05 has begun (on Monday 2027-02-01): the first week still open is 2027-W06"))
                .body("detail", containsString("2027-W05"));
        given().get("/api/v1/schools/" + uai).then().statusCode(200).body("declaredWeeks", empty());

        declare(uai, "2027-W06").statusCode(200).body("declaredWeeks.week", contains("2027-W06"));
    }

    @Test
    void aNewListKeepsTheBegunWeeksAlreadyDeclaredButAddsNoOther() {
        String uai = SchoolFixtures.school("059", "59", "REP");
        declare(uai, "2027-W05", "2027-W06").statusCode(200);
        FixedClock.fix(WEDNESDAY_OF_2027_W05);

        declare(uai, "2027-W04", "2027-W05", "2027-W10").statusCode(422)
                .body("violations.field", contains("weeks[0]"))
                .body("violations[0].message", containsString("2027-W04 has begun"));
        given().get("/api/v1/schools/" + uai).then().body("declaredWeeks.week", contains("2027-W05", "2027-W06"));

        declare(uai, "2027-W05", "2027-W10").statusCode(200)
                .body("declaredWeeks.week", contains("2027-W05", "2027-W10"));
    }
}
