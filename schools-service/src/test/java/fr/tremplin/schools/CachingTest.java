package fr.tremplin.schools;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static fr.tremplin.schools.SchoolFixtures.classOf;
import static fr.tremplin.schools.SchoolFixtures.currentYear;
import static fr.tremplin.schools.SchoolFixtures.principal;
import static fr.tremplin.schools.SchoolFixtures.pupil;
import static fr.tremplin.schools.SchoolFixtures.school;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/** ETags and If-None-Match on classes and pupils; Cache-Control on the public reference data and on personal data. */
@QuarkusTest
class CachingTest {

    private static final String PERSONAL = "private, no-store";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aClassesETagFollowsItsVersionAndItsPupilsAndIfMatchTakesIt() {
        String uai = school("059", "59", "NONE");
        String principal = principal(uai);
        String classId = classOf(uai, "3e Cache", currentYear());
        String path = "/api/v1/classes/" + classId;

        String tag = given().header("Authorization", principal).get(path).then().statusCode(200)
                .header("ETag", matchesPattern("\"0\\.[0-9a-f]{1,8}\"")).header("Cache-Control", PERSONAL)
                .extract().header("ETag");
        given().header("Authorization", principal).header("If-None-Match", tag).get(path).then().statusCode(304)
                .header("ETag", tag).header("Cache-Control", PERSONAL).body(emptyString());

        // a pupil joining does not touch the class's version, but changes what its GET shows: no 304 then
        String pupilId = pupil(uai, classId, "Inès", "Cachou");
        String withPupil = given().header("Authorization", principal).header("If-None-Match", tag).get(path).then()
                .statusCode(200).body("pupils", is(1)).body("version", is(0))
                .header("ETag", not(tag)).extract().header("ETag");

        // the tag is what If-Match takes; the rename answers the new one
        String renamed = given().header("Authorization", principal).header("If-Match", withPupil)
                .contentType(ContentType.JSON).body(Map.of("name", "3e Cachée")).put(path).then().statusCode(200)
                .header("ETag", matchesPattern("\"1\\.[0-9a-f]{1,8}\"")).extract().header("ETag");
        given().header("Authorization", principal).header("If-None-Match", withPupil + ", " + renamed).get(path)
                .then().statusCode(304).header("ETag", renamed);

        // a pupil's answer shows the class's name: the rename changes the pupil's tag, not their version
        String pupil = "/api/v1/pupils/" + pupilId;
        String pupilTag = given().header("Authorization", principal).get(pupil).then().statusCode(200)
                .body("className", equalTo("3e Cachée")).body("version", is(0)).header("Cache-Control", PERSONAL)
                .extract().header("ETag");
        given().header("Authorization", principal).header("If-None-Match", "W/" + pupilTag).get(pupil).then()
                .statusCode(304).header("ETag", pupilTag);
        String pupilRenamed = given().header("Authorization", principal).header("If-Match", pupilTag)
                .contentType(ContentType.JSON).body(Map.of("firstName", "Inès", "lastName", "Cachou-Martin"))
                .put(pupil).then().statusCode(200).body("version", is(1)).extract().header("ETag");
        given().header("Authorization", principal).header("If-None-Match", pupilTag).get(pupil).then()
                .statusCode(200).header("ETag", pupilRenamed).body("lastName", equalTo("Cachou-Martin"));
        given().header("Authorization", principal).header("If-Match", pupilTag).contentType(ContentType.JSON)
                .body(Map.of("firstName", "Inès", "lastName", "Cachou")).put(pupil).then().statusCode(409);
    }

    @Test
    void referenceDataIsPublicForAWhileStaffListsAreNeverStored() {
        String uai = school("059", "59", "NONE");
        given().get("/api/v1/academies").then().statusCode(200).header("Cache-Control", "public, max-age=3600");
        given().get("/api/v1/departments/59").then().statusCode(200).header("Cache-Control", "public, max-age=3600");
        given().get("/api/v1/bassins").then().statusCode(200).header("Cache-Control", "public, max-age=300");
        given().get("/api/v1/schools?department=59").then().statusCode(200)
                .header("Cache-Control", "public, max-age=300");
        // open data stays open data with a token
        given().header("Authorization", principal(uai)).get("/api/v1/schools/" + uai).then().statusCode(200)
                .header("Cache-Control", "public, max-age=300");

        given().header("Authorization", principal(uai)).get("/api/v1/schools/" + uai + "/staff").then()
                .statusCode(200).header("Cache-Control", PERSONAL);
        given().header("Authorization", principal(uai)).get("/api/v1/schools/" + uai + "/pupils").then()
                .statusCode(200).header("Cache-Control", PERSONAL);
        given().get("/api/v1/academies/nowhere").then().statusCode(404).header("Cache-Control", PERSONAL);
    }
}
