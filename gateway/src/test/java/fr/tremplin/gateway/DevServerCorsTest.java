package fr.tremplin.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.tremplin.gateway.edge.CorsOriginsCheck;
import fr.tremplin.gateway.support.DevServerCorsProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/** The origins are configuration: here those bin/platform passes for local dev servers. */
@QuarkusTest
@TestProfile(DevServerCorsProfile.class)
class DevServerCorsTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void a_local_dev_server_gets_its_preflight_answered_without_credentials() {
        for (String origin : List.of(DevServerCorsProfile.VITE, DevServerCorsProfile.REACT)) {
            Response response = given()
                    .header("Origin", origin)
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                    .when().options("/api/v1/applications")
                    .then().statusCode(200).extract().response();

            assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(origin);
            assertThat(response.header("Access-Control-Allow-Methods")).contains("POST");
            assertThat(response.header("Access-Control-Allow-Credentials")).isNotEqualTo("true");
        }
        Response simple = given().header("Origin", DevServerCorsProfile.VITE)
                .when().get("/api/v1/offers").then().statusCode(200).extract().response();
        assertThat(simple.header("Access-Control-Allow-Origin")).isEqualTo(DevServerCorsProfile.VITE);
    }

    @Test
    void another_origin_even_on_localhost_is_refused() {
        for (String origin : List.of("https://front.tremplin.test", "http://localhost:8081", "https://evil.test")) {
            Response response = given()
                    .header("Origin", origin)
                    .header("Access-Control-Request-Method", "POST")
                    .when().options("/api/v1/applications")
                    .then().extract().response();

            assertThat(response.statusCode()).as(origin).isEqualTo(403);
            assertThat(response.header("Access-Control-Allow-Origin")).as(origin).isNull();
        }
    }

    @Test
    void a_wildcard_is_refused_at_startup() {
        assertThatThrownBy(() -> CorsOriginsCheck.refuseWildcards(List.of("http://localhost:5173", " * ")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("one by one");
        assertThatThrownBy(() -> CorsOriginsCheck.refuseWildcards(List.of("/.*/")))
                .isInstanceOf(IllegalStateException.class);
        assertThatCode(() -> CorsOriginsCheck.refuseWildcards(List.of(DevServerCorsProfile.VITE)))
                .doesNotThrowAnyException();
    }
}
