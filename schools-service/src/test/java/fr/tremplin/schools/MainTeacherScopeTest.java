package fr.tremplin.schools;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.tremplin.schools.SchoolFixtures.currentYear;
import static fr.tremplin.schools.SchoolFixtures.mainTeacher;
import static fr.tremplin.schools.SchoolFixtures.world;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

/** Scope matrix, main teacher's line: sees and manages the pupils of their own classes only. */
@QuarkusTest
class MainTeacherScopeTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void theirMembershipGivesThemThePupilsOfTheClassTheyLead() {
        SchoolFixtures.World world = world();
        String token = mainTeacher(world.uai(), world.mainTeacherId(), List.of());

        given().header("Authorization", token).get("/api/v1/classes/" + world.classA() + "/pupils")
                .then().statusCode(200).body("items.id", contains(world.pupilA()));
        given().header("Authorization", token).get("/api/v1/pupils/" + world.pupilA())
                .then().statusCode(200).body("firstName", equalTo("Inès"));
        given().header("Authorization", token).get("/api/v1/schools/" + world.uai() + "/pupils")
                .then().statusCode(200).body("totalItems", is(1)).body("items.id", contains(world.pupilA()));
        given().header("Authorization", token).get("/api/v1/schools/" + world.uai() + "/pupils-without-placement")
                .then().statusCode(200).body("items.pupilId", contains(world.pupilA()));
        given().header("Authorization", token).get("/api/v1/classes/" + world.classA() + "/pupils-without-placement")
                .then().statusCode(200).body("totalItems", is(1));
    }

    @Test
    void theyManageThePupilsOfTheirClass() {
        SchoolFixtures.World world = world();
        String token = mainTeacher(world.uai(), world.mainTeacherId(), List.of());
        String created = given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("firstName", "Noé", "lastName", "Lefebvre"))
                .post("/api/v1/classes/" + world.classA() + "/pupils").then().statusCode(201).extract().path("id");
        given().header("Authorization", token).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("firstName", "Noé", "lastName", "Lefèbvre", "gender", "M"))
                .put("/api/v1/pupils/" + created).then().statusCode(200).body("lastName", equalTo("Lefèbvre"));
        given().header("Authorization", token).contentType("text/csv").body("prenom;nom\nAdam;Roux\n")
                .post("/api/v1/classes/" + world.classA() + "/pupils/import").then().statusCode(200)
                .body("created", is(1));
    }

    @Test
    void theySeeAndChangeNothingOfTheOtherClasses() {
        SchoolFixtures.World world = world();
        String token = mainTeacher(world.uai(), world.mainTeacherId(), List.of());

        given().header("Authorization", token).get("/api/v1/classes/" + world.classB() + "/pupils")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", token).get("/api/v1/classes/" + world.classB() + "/pupils-without-placement")
                .then().statusCode(403);
        given().header("Authorization", token).get("/api/v1/pupils/" + world.pupilB()).then().statusCode(404);
        given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("firstName", "Paul", "lastName", "Durand"))
                .post("/api/v1/classes/" + world.classB() + "/pupils").then().statusCode(403);
        given().header("Authorization", token).contentType("text/csv").body("prenom;nom\nAdam;Roux\n")
                .post("/api/v1/classes/" + world.classB() + "/pupils/import").then().statusCode(403);
        // moving their pupil into a class they do not lead
        given().header("Authorization", token).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("firstName", "Inès", "lastName", "Martin", "classId", world.classB()))
                .put("/api/v1/pupils/" + world.pupilA()).then().statusCode(403);
        given().header("Authorization", token).get("/api/v1/pupils/" + world.otherPupil()).then().statusCode(404);
    }

    @Test
    void theyDoNotRunTheSchool() {
        SchoolFixtures.World world = world();
        String token = mainTeacher(world.uai(), world.mainTeacherId(), List.of());
        given().header("Authorization", token).delete("/api/v1/pupils/" + world.pupilA()).then().statusCode(403);
        given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("personId", UUID.randomUUID().toString(), "role", "TEACHER"))
                .post("/api/v1/schools/" + world.uai() + "/staff").then().statusCode(403);
        given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("name", "3e Z", "schoolYear", currentYear()))
                .post("/api/v1/schools/" + world.uai() + "/classes").then().statusCode(403);
        given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("schoolYear", currentYear(), "weeks", List.of()))
                .put("/api/v1/schools/" + world.uai() + "/weeks").then().statusCode(403);
        // but they read the school's classes and staff
        given().header("Authorization", token).get("/api/v1/schools/" + world.uai() + "/classes")
                .then().statusCode(200).body("totalItems", is(2));
    }

    @Test
    void theClassesClaimOfTheTokenIsEnoughButNotForAnotherSchool() {
        SchoolFixtures.World world = world();
        String byClaim = mainTeacher(world.uai(), UUID.randomUUID().toString(), List.of(world.classB()));
        given().header("Authorization", byClaim).get("/api/v1/classes/" + world.classB() + "/pupils")
                .then().statusCode(200).body("items.id", contains(world.pupilB()));
        given().header("Authorization", byClaim).get("/api/v1/classes/" + world.classA() + "/pupils")
                .then().statusCode(403);

        // a claim naming another school's class gives nothing there
        String outside = mainTeacher(world.uai(), UUID.randomUUID().toString(), List.of(world.otherClass()));
        given().header("Authorization", outside).get("/api/v1/classes/" + world.otherClass() + "/pupils")
                .then().statusCode(403);
        given().header("Authorization", outside).get("/api/v1/pupils/" + world.otherPupil()).then().statusCode(404);
        // and a main teacher who leads nothing sees an empty school list
        given().header("Authorization", outside).get("/api/v1/schools/" + world.uai() + "/pupils")
                .then().statusCode(200).body("totalItems", is(0));
    }
}
