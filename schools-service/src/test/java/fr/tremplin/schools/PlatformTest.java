package fr.tremplin.schools;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Health, metrics and the OpenAPI document that the gateway merges. */
@QuarkusTest
class PlatformTest {

    @Test
    void healthMetricsAndOpenApiAnswer() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/v1/schools/{uai}/weeks"))
                .body(containsString("/api/v1/classes/{id}/pupils/import"))
                .body(containsString("/api/v1/bassins/{id}/overview"))
                .body(containsString("/api/v1/admin/schools/school-years/{year}/rollover"))
                .body(containsString("/api/v1/territories/schools"))
                .body(containsString("application/problem+json"));
    }

    @Test
    void unknownRoutesAndMethodsAnswerProblems() {
        given().get("/api/v1/nowhere").then().statusCode(404).contentType("application/problem+json");
        given().delete("/api/v1/schools").then().statusCode(405);
    }
}
