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
import static fr.tremplin.schools.SchoolFixtures.principal;
import static fr.tremplin.schools.SchoolFixtures.world;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/** Scope matrix, principal's line: manages staff, classes, pupils and weeks of their school, nothing of another. */
@QuarkusTest
class PrincipalScopeTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void principalManagesStaffOfTheirSchoolOnly() {
        SchoolFixtures.World world = world();
        String personId = UUID.randomUUID().toString();
        given().header("Authorization", principal(world.uai())).contentType(ContentType.JSON)
                .body(Map.of("personId", personId, "role", "RIPREE"))
                .post("/api/v1/schools/" + world.uai() + "/staff")
                .then().statusCode(201).body("role", equalTo("RIPREE"));
        given().header("Authorization", principal(world.uai())).get("/api/v1/schools/" + world.uai() + "/staff")
                .then().statusCode(200).body("items.personId", hasItem(personId)).body("totalItems", is(2));

        given().header("Authorization", principal(world.uai())).contentType(ContentType.JSON)
                .body(Map.of("personId", personId, "role", "RIPREE"))
                .post("/api/v1/schools/" + world.otherUai() + "/staff")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", principal(world.uai())).get("/api/v1/schools/" + world.otherUai() + "/staff")
                .then().statusCode(403);
    }

    @Test
    void aMainTeacherMembershipLeadsClassesOfThatSchoolOnly() {
        SchoolFixtures.World world = world();
        given().header("Authorization", principal(world.uai())).contentType(ContentType.JSON)
                .body(Map.of("personId", "someone", "role", "MAIN_TEACHER", "classIds", List.of(world.otherClass())))
                .post("/api/v1/schools/" + world.uai() + "/staff")
                .then().statusCode(422).body("violations[0].field", equalTo("classIds"));
        given().header("Authorization", principal(world.uai())).contentType(ContentType.JSON)
                .body(Map.of("personId", "someone", "role", "TEACHER", "classIds", List.of(world.classA())))
                .post("/api/v1/schools/" + world.uai() + "/staff")
                .then().statusCode(422);
        // the same person and role again replaces the classes
        given().header("Authorization", principal(world.uai())).contentType(ContentType.JSON)
                .body(Map.of("personId", world.mainTeacherId(), "role", "MAIN_TEACHER",
                        "classIds", List.of(world.classA(), world.classB())))
                .post("/api/v1/schools/" + world.uai() + "/staff")
                .then().statusCode(200).body("classIds", containsInAnyOrder(world.classA(), world.classB()));
    }

    @Test
    void principalEndsAMembership() {
        SchoolFixtures.World world = world();
        String membership = given().header("Authorization", principal(world.uai()))
                .get("/api/v1/schools/" + world.uai() + "/staff").then().extract().path("items[0].id");
        given().header("Authorization", principal(world.otherUai()))
                .delete("/api/v1/schools/" + world.uai() + "/staff/" + membership).then().statusCode(403);
        given().header("Authorization", principal(world.uai()))
                .delete("/api/v1/schools/" + world.uai() + "/staff/" + membership).then().statusCode(204);
        given().header("Authorization", principal(world.uai()))
                .delete("/api/v1/schools/" + world.uai() + "/staff/" + membership).then().statusCode(404);
    }

    @Test
    void principalManagesClassesOfTheirSchoolOnly() {
        SchoolFixtures.World world = world();
        String classId = given().header("Authorization", principal(world.uai())).contentType(ContentType.JSON)
                .body(Map.of("name", "3e C", "schoolYear", currentYear()))
                .post("/api/v1/schools/" + world.uai() + "/classes").then().statusCode(201).extract().path("id");
        given().header("Authorization", principal(world.uai())).contentType(ContentType.JSON)
                .body(Map.of("name", "3e C", "schoolYear", currentYear()))
                .post("/api/v1/schools/" + world.uai() + "/classes").then().statusCode(409);
        given().header("Authorization", principal(world.uai())).contentType(ContentType.JSON)
                .body(Map.of("name", "3e D", "schoolYear", "2015-2016"))
                .post("/api/v1/schools/" + world.uai() + "/classes").then().statusCode(422);
        given().header("Authorization", principal(world.uai())).header("If-Match", "\"0\"")
                .contentType(ContentType.JSON).body(Map.of("name", "3e Curie"))
                .put("/api/v1/classes/" + classId).then().statusCode(200).body("name", equalTo("3e Curie"))
                .header("ETag", org.hamcrest.Matchers.startsWith("\"1."));
        given().header("Authorization", principal(world.uai())).contentType(ContentType.JSON)
                .body(Map.of("name", "3e Pasteur")).put("/api/v1/classes/" + classId).then().statusCode(428);
        given().header("Authorization", principal(world.uai())).contentType(ContentType.JSON)
                .body(Map.of("name", "3e Pasteur", "version", 0)).put("/api/v1/classes/" + classId).then().statusCode(409);
        given().header("Authorization", principal(world.uai())).get("/api/v1/schools/" + world.uai() + "/classes")
                .then().statusCode(200).body("totalItems", is(3));
        // a class with pupils is not deleted; an empty one is
        given().header("Authorization", principal(world.uai())).delete("/api/v1/classes/" + world.classA())
                .then().statusCode(409);
        given().header("Authorization", principal(world.uai())).delete("/api/v1/classes/" + classId)
                .then().statusCode(204);

        given().header("Authorization", principal(world.uai())).contentType(ContentType.JSON)
                .body(Map.of("name", "3e Z", "schoolYear", currentYear()))
                .post("/api/v1/schools/" + world.otherUai() + "/classes").then().statusCode(403);
        given().header("Authorization", principal(world.uai())).get("/api/v1/classes/" + world.otherClass())
                .then().statusCode(403);
        given().header("Authorization", principal(world.uai())).delete("/api/v1/classes/" + world.otherClass())
                .then().statusCode(403);
    }

    @Test
    void principalSeesAndManagesEveryPupilOfTheirSchoolOnly() {
        SchoolFixtures.World world = world();
        given().header("Authorization", principal(world.uai())).get("/api/v1/schools/" + world.uai() + "/pupils")
                .then().statusCode(200).body("totalItems", is(2))
                .body("items.id", containsInAnyOrder(world.pupilA(), world.pupilB()))
                .body("items.placement", containsInAnyOrder("NO_APPLICATION", "NO_APPLICATION"));
        given().header("Authorization", principal(world.uai())).get("/api/v1/pupils/" + world.pupilB())
                .then().statusCode(200).body("lastName", equalTo("Bernard")).body("className", equalTo("3e B"));
        given().header("Authorization", principal(world.uai())).header("If-Match", "\"0\"")
                .contentType(ContentType.JSON)
                .body(Map.of("firstName", "Yanis", "lastName", "Bernard-Diallo", "classId", world.classA()))
                .put("/api/v1/pupils/" + world.pupilB()).then().statusCode(200)
                .body("classId", equalTo(world.classA())).body("lastName", equalTo("Bernard-Diallo"));
        given().header("Authorization", principal(world.uai())).delete("/api/v1/pupils/" + world.pupilB())
                .then().statusCode(204);

        // another school's pupils: not even their existence
        given().header("Authorization", principal(world.uai())).get("/api/v1/schools/" + world.otherUai() + "/pupils")
                .then().statusCode(403);
        given().header("Authorization", principal(world.uai())).get("/api/v1/pupils/" + world.otherPupil())
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", principal(world.uai())).delete("/api/v1/pupils/" + world.otherPupil())
                .then().statusCode(404);
        given().header("Authorization", principal(world.uai())).contentType(ContentType.JSON)
                .body(Map.of("firstName", "Paul", "lastName", "Durand"))
                .post("/api/v1/classes/" + world.otherClass() + "/pupils").then().statusCode(403);
        given().header("Authorization", principal(world.otherUai())).get("/api/v1/pupils/" + world.otherPupil())
                .then().statusCode(200);
    }

    @Test
    void principalDeclaresWeeksAndThe3eCountOfTheirSchoolOnly() {
        SchoolFixtures.World world = world();
        int start = Integer.parseInt(currentYear().substring(0, 4));
        String week = (start + 1) + "-W05";
        given().header("Authorization", principal(world.uai())).contentType(ContentType.JSON)
                .body(Map.of("schoolYear", currentYear(), "weeks", List.of(week)))
                .put("/api/v1/schools/" + world.uai() + "/weeks").then().statusCode(200)
                .body("declaredWeeks[0].week", equalTo(week));
        given().header("Authorization", principal(world.uai())).contentType(ContentType.JSON)
                .body(Map.of("thirdYearPupils", 112)).patch("/api/v1/schools/" + world.uai())
                .then().statusCode(200).body("thirdYearPupils", is(112));

        given().header("Authorization", principal(world.uai())).contentType(ContentType.JSON)
                .body(Map.of("schoolYear", currentYear(), "weeks", List.of(week)))
                .put("/api/v1/schools/" + world.otherUai() + "/weeks").then().statusCode(403);
        given().header("Authorization", principal(world.uai())).contentType(ContentType.JSON)
                .body(Map.of("thirdYearPupils", 3)).patch("/api/v1/schools/" + world.otherUai())
                .then().statusCode(403);
    }

    @Test
    void principalSeesNoTerritoryFigures() {
        SchoolFixtures.World world = world();
        given().header("Authorization", principal(world.uai())).get("/api/v1/territories/schools")
                .then().statusCode(403);
        given().header("Authorization", principal(world.uai())).get("/api/v1/schools/" + world.uai() + "/placement-summary")
                .then().statusCode(200).body("pupils", is(2));
        given().header("Authorization", principal(world.uai())).get("/api/v1/schools/" + world.otherUai() + "/placement-summary")
                .then().statusCode(403);
    }
}
