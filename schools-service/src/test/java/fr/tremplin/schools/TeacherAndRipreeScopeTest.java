package fr.tremplin.schools;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static fr.tremplin.schools.SchoolFixtures.currentYear;
import static fr.tremplin.schools.SchoolFixtures.ripree;
import static fr.tremplin.schools.SchoolFixtures.teacher;
import static fr.tremplin.schools.SchoolFixtures.world;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

/** Scope matrix, teacher's and RIPREE's line: see the school's pupils' placement, change nothing. */
@QuarkusTest
class TeacherAndRipreeScopeTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String token(String role, String uai) {
        return role.equals("teacher") ? teacher(uai) : ripree(uai);
    }

    @ParameterizedTest
    @ValueSource(strings = {"teacher", "ripree"})
    void theySeeEveryPupilOfTheSchoolWithTheirPlacement(String role) {
        SchoolFixtures.World world = world();
        String token = token(role, world.uai());
        given().header("Authorization", token).get("/api/v1/schools/" + world.uai() + "/pupils")
                .then().statusCode(200).body("items.id", containsInAnyOrder(world.pupilA(), world.pupilB()))
                .body("items[0].placement", equalTo("NO_APPLICATION"));
        given().header("Authorization", token).get("/api/v1/pupils/" + world.pupilB()).then().statusCode(200);
        given().header("Authorization", token).get("/api/v1/classes/" + world.classB() + "/pupils")
                .then().statusCode(200).body("totalItems", is(1));
        given().header("Authorization", token).get("/api/v1/schools/" + world.uai() + "/pupils-without-placement")
                .then().statusCode(200).body("totalItems", is(2));
        given().header("Authorization", token).get("/api/v1/schools/" + world.uai() + "/placement-summary")
                .then().statusCode(200).body("withoutApplication", is(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"teacher", "ripree"})
    void theyChangeNothing(String role) {
        SchoolFixtures.World world = world();
        String token = token(role, world.uai());
        given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("firstName", "Paul", "lastName", "Durand"))
                .post("/api/v1/classes/" + world.classA() + "/pupils").then().statusCode(403);
        given().header("Authorization", token).contentType("text/csv").body("prenom,nom\nAdam,Roux\n")
                .post("/api/v1/classes/" + world.classA() + "/pupils/import").then().statusCode(403);
        given().header("Authorization", token).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("firstName", "Inès", "lastName", "Durand"))
                .put("/api/v1/pupils/" + world.pupilA()).then().statusCode(403);
        given().header("Authorization", token).delete("/api/v1/pupils/" + world.pupilA()).then().statusCode(403);
        given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("name", "3e Z", "schoolYear", currentYear()))
                .post("/api/v1/schools/" + world.uai() + "/classes").then().statusCode(403);
        given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("schoolYear", currentYear(), "weeks", List.of()))
                .put("/api/v1/schools/" + world.uai() + "/weeks").then().statusCode(403);
        given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("personId", "x", "role", "TEACHER"))
                .post("/api/v1/schools/" + world.uai() + "/staff").then().statusCode(403);
        given().header("Authorization", SchoolFixtures.principal(world.uai())).get("/api/v1/pupils/" + world.pupilA())
                .then().body("lastName", equalTo("Martin"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"teacher", "ripree"})
    void theySeeNothingOfAnotherSchool(String role) {
        SchoolFixtures.World world = world();
        String token = token(role, world.uai());
        given().header("Authorization", token).get("/api/v1/schools/" + world.otherUai() + "/pupils")
                .then().statusCode(403);
        given().header("Authorization", token).get("/api/v1/pupils/" + world.otherPupil()).then().statusCode(404);
        given().header("Authorization", token).get("/api/v1/classes/" + world.otherClass() + "/pupils")
                .then().statusCode(403);
        given().header("Authorization", token).get("/api/v1/schools/" + world.otherUai() + "/placement-summary")
                .then().statusCode(403);
    }
}
