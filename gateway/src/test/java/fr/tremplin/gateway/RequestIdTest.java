package fr.tremplin.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.tremplin.gateway.support.GatewayTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class RequestIdTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void an_id_is_generated_forwarded_and_returned() {
        Response response = given().when().get("/api/v1/offers").then().statusCode(200).extract().response();

        String id = response.header("X-Request-Id");
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(response.jsonPath().getList("headers.x-request-id")).containsExactly(id);
        // The service echoes the id too; the client still sees it once.
        assertThat(response.headers().getValues("X-Request-Id")).containsExactly(id);
    }

    @Test
    void a_well_formed_incoming_id_is_kept() {
        Response response = given().header("X-Request-Id", "front-2024_abc-123")
                .when().get("/api/v1/pupils/p-1").then().statusCode(200).extract().response();

        assertThat(response.headers().getValues("X-Request-Id")).containsExactly("front-2024_abc-123");
        assertThat(response.jsonPath().getList("headers.x-request-id")).containsExactly("front-2024_abc-123");
    }

    @Test
    void a_malformed_incoming_id_is_replaced() {
        for (String bad : new String[] {"x".repeat(65), "id with spaces", "id;drop", "<script>", "é"}) {
            Response response = given().header("X-Request-Id", bad)
                    .when().get("/api/v1/relays").then().statusCode(200).extract().response();

            String id = response.header("X-Request-Id");
            assertThat(id).isNotEqualTo(bad);
            assertThat(UUID.fromString(id)).isNotNull();
            assertThat(response.jsonPath().getList("headers.x-request-id")).containsExactly(id);
        }
    }

    @Test
    void the_longest_accepted_id_is_64_characters() {
        String id = "a".repeat(64);
        given().header("X-Request-Id", id).when().get("/api/v1/relays")
                .then().statusCode(200).header("X-Request-Id", id);
    }

    @Test
    void the_gateways_own_problems_carry_the_id() {
        Response response = given().header("X-Request-Id", "trace-404")
                .when().get("/api/v1/nowhere").then().statusCode(404).extract().response();

        assertThat(response.header("X-Request-Id")).isEqualTo("trace-404");
        assertThat(response.<String>path("requestId")).isEqualTo("trace-404");
        assertThat(response.<String>path("instance")).isEqualTo("/api/v1/nowhere");
    }
}
