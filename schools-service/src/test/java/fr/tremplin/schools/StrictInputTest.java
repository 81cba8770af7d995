package fr.tremplin.schools;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static fr.tremplin.schools.SchoolFixtures.currentYear;
import static fr.tremplin.schools.SchoolFixtures.principal;
import static fr.tremplin.schools.SchoolFixtures.school;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Issue 10: control characters and lenient JSON are a 400 problem naming the field, never a 500. */
@QuarkusTest
class StrictInputTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void a_nul_in_a_query_parameter_or_path_segment_is_refused_before_any_sql_even_anonymous() {
        given().urlEncodingEnabled(false).get("/api/v1/schools?name=%00")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("name"))
                .body("detail", containsString("control characters"));
        given().urlEncodingEnabled(false).get("/api/v1/schools/0590001%00")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("uai"));
    }

    @Test
    void strict_json_on_a_class_and_a_school_patch() {
        String uai = school("059", "59", "REP");
        given().header("Authorization", principal(uai)).contentType(ContentType.JSON)
                .body(Map.of("name", "3e\u0000A", "schoolYear", currentYear()))
                .post("/api/v1/schools/" + uai + "/classes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("name"));
        given().header("Authorization", principal(uai)).contentType(ContentType.JSON)
                .body("{\"name\":\"3eA\",\"name\":\"3eB\",\"schoolYear\":\"" + currentYear() + "\"}")
                .post("/api/v1/schools/" + uai + "/classes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Malformed JSON")).body("violations.field", hasItem("name"));
        patch(uai, "{\"thirdYearPupils\":1.5}").statusCode(400).body("violations.field", hasItem("thirdYearPupils"));
        patch(uai, "{\"thirdYearPupils\":\"12\"}").statusCode(400).body("violations.field", hasItem("thirdYearPupils"));
        patch(uai, "{\"thirdYearPupils\":12} x").statusCode(400).body("title", equalTo("Malformed JSON"));
        patch(uai, "{\"thirdYearPupils\":12}{}").statusCode(400).body("title", equalTo("Malformed JSON"));
        patch(uai, "{\"thirdYearPupils\":12,\"thirdYearPupils\":13}").statusCode(400)
                .body("violations.field", hasItem("thirdYearPupils"));
        patch(uai, "{\"thirdYearPupils\":12}").statusCode(200);
    }

    @Test
    void a_boolean_parameter_is_true_or_false_before_anything_is_imported() {
        given().header("Authorization", SchoolFixtures.admin())
                .post("/api/v1/admin/schools/import?defaultBassins=maybe")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("defaultBassins"));
        // without the parameter, the import runs as before (SchoolImportTest): the primitive's absence is false
    }

    private static io.restassured.response.ValidatableResponse patch(String uai, String body) {
        return given().header("Authorization", principal(uai)).contentType(ContentType.JSON).body(body)
                .patch("/api/v1/schools/" + uai).then();
    }
}
