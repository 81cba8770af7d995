package fr.tremplin.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.tremplin.gateway.support.GatewayTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/** The event contract of docs/events is served beside the OpenAPI document, byte for byte, every schema reachable. */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class AsyncApiTest {

    private static final Path DOCS = Path.of("..", "docs", "events");

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void the_asyncapi_document_redirects_to_the_file_whose_references_resolve() {
        given().redirects().follow(false).when().get("/q/asyncapi")
                .then().statusCode(302).header("Location", "/q/asyncapi/asyncapi.yaml");
        String served = given().when().get("/q/asyncapi/asyncapi.yaml")
                .then().statusCode(200).contentType("application/yaml").extract().asString();
        assertThat(served).startsWith("asyncapi: 3.0.0").contains("address: tremplin.applications.v1");
    }

    @Test
    void every_schema_of_docs_events_is_served_as_it_is_in_the_repository() throws Exception {
        try (Stream<Path> files = Files.walk(DOCS)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = DOCS.relativize(file).toString().replace('\\', '/');
                byte[] served = given().when().get("/q/asyncapi/" + name)
                        .then().statusCode(200).extract().asByteArray();
                assertThat(served).as(name).isEqualTo(Files.readAllBytes(file));
            }
        }
    }

    @Test
    void nothing_else_is_served_there() {
        given().when().get("/q/asyncapi/../application.properties").then().statusCode(404);
        given().when().get("/q/asyncapi/offer.archived.schema.json")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
