package fr.tremplin.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.tremplin.gateway.support.GatewayTestProfile;
import fr.tremplin.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.swagger.v3.oas.models.OpenAPI;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class OpenApiTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void the_merged_document_holds_every_services_paths_and_schemas() {
        JsonPath doc = given().when().get("/q/openapi")
                .then().statusCode(200).contentType("application/json")
                .extract().jsonPath();

        Map<String, Object> paths = doc.getMap("paths");
        assertThat(paths).containsOnlyKeys(
                "/api/v1/offers", "/api/v1/offers/{id}", "/api/v1/schools/{uai}", "/api/v1/pupils", "/api/v1/applications");
        Map<String, Object> schemas = doc.getMap("components.schemas");
        assertThat(schemas).containsKeys("Problem", "Offer", "Listing", "School", "SchoolsListing");
        // schools' own "Listing" was renamed, and its references followed.
        assertThat(doc.getString("paths.'/api/v1/pupils'.get.responses.'200'.content.'application/json'.schema.'$ref'"))
                .isEqualTo("#/components/schemas/SchoolsListing");
        assertThat(doc.getString("paths.'/api/v1/offers'.get.responses.'200'.content.'application/json'.schema.'$ref'"))
                .isEqualTo("#/components/schemas/Listing");
        // the gateway's own answers, on every operation
        assertThat(doc.getMap("paths.'/api/v1/offers'.get.responses")).containsKeys("429", "502", "504").doesNotContainKey("401");
        assertThat(doc.getMap("paths.'/api/v1/pupils'.get.responses")).containsKeys("401", "429", "502", "504");
        assertThat(doc.getList("tags.name")).containsExactly("offers", "schools", "applications");
        assertThat(doc.getList("x-unavailable-services")).isNull();
    }

    @Test
    void the_merged_document_keeps_operation_ids_unique_and_one_security_scheme() {
        String document = given().when().get("/q/openapi").then().statusCode(200).extract().asString();

        OpenAPI merged = OpenApiContract.assertHolds(document);

        assertThat(merged.getComponents().getSecuritySchemes()).containsOnlyKeys("jwt");
        assertThat(merged.getPaths().get("/api/v1/offers").getGet().getOperationId()).isEqualTo("list");
        assertThat(merged.getPaths().get("/api/v1/pupils").getGet().getOperationId()).isEqualTo("schoolsList");
        assertThat(merged.getPaths().get("/api/v1/applications").getGet().getOperationId()).isEqualTo("applicationsList");
        assertThat(merged.getPaths().get("/api/v1/offers").getGet().getSecurity()).isEmpty();
    }

    @Test
    void swagger_ui_browses_the_merged_document() {
        given().when().get("/q/swagger-ui/")
                .then().statusCode(200).body(containsString("/q/openapi"));
    }
}
