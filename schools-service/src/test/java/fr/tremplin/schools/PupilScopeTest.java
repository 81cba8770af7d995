package fr.tremplin.schools;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static fr.tremplin.schools.SchoolFixtures.pupilToken;
import static fr.tremplin.schools.SchoolFixtures.world;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Scope matrix, pupil's line (their own record only) and everybody else's (401 without a token). */
@QuarkusTest
class PupilScopeTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aPupilSeesTheirOwnRecordOnly() {
        SchoolFixtures.World world = world();
        String token = pupilToken(world.pupilA(), world.uai());
        given().header("Authorization", token).get("/api/v1/pupils/me")
                .then().statusCode(200).body("id", equalTo(world.pupilA())).body("firstName", equalTo("Inès"))
                .body("placement", equalTo("NO_APPLICATION"));
        given().header("Authorization", token).get("/api/v1/pupils/" + world.pupilA())
                .then().statusCode(200).body("className", equalTo("3e A"));

        given().header("Authorization", token).get("/api/v1/pupils/" + world.pupilB()).then().statusCode(404);
        given().header("Authorization", token).get("/api/v1/schools/" + world.uai() + "/pupils").then().statusCode(403);
        given().header("Authorization", token).get("/api/v1/classes/" + world.classA() + "/pupils").then().statusCode(403);
        given().header("Authorization", token).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("firstName", "Inès", "lastName", "Autre")).put("/api/v1/pupils/" + world.pupilA())
                .then().statusCode(403);
        given().header("Authorization", token).delete("/api/v1/pupils/" + world.pupilA()).then().statusCode(403);
        given().header("Authorization", token).get("/api/v1/territories/schools").then().statusCode(403);
        given().header("Authorization", token).get("/api/v1/schools/" + world.uai() + "/placement-summary")
                .then().statusCode(403);
    }

    @Test
    void aPupilTokenForNobodyFindsNothing() {
        world();
        given().header("Authorization", pupilToken(UUID.randomUUID().toString(), "0590001A"))
                .get("/api/v1/pupils/me").then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", pupilToken("not-a-uuid", "0590001A"))
                .get("/api/v1/pupils/me").then().statusCode(404);
    }

    @Test
    void withoutATokenPupilsAreOutOfReachButSchoolsArePublic() {
        SchoolFixtures.World world = world();
        given().get("/api/v1/pupils/" + world.pupilA()).then().statusCode(401).contentType("application/problem+json");
        given().get("/api/v1/schools/" + world.uai() + "/pupils").then().statusCode(401);
        given().header("Authorization", "Bearer not.a.token").get("/api/v1/pupils/me").then().statusCode(401);
        given().get("/api/v1/schools/" + world.uai()).then().statusCode(200).body("priority", equalTo("REP_PLUS"));
    }
}
