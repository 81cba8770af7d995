package fr.tremplin.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.tremplin.gateway.support.GatewayTestProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class BodyLimitTest {

    private static final int MIB = 1024 * 1024;

    @TestHTTPResource("/api/v1/offers/imports")
    URI imports;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void a_declared_body_over_one_mebibyte_is_refused() {
        given().contentType("application/json").body(bytes(MIB + 1))
                .when().post("/api/v1/offers/imports")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("title", equalTo("Payload too large"))
                .body("type", equalTo("https://tremplin.beta.gouv.fr/problems/payload-too-large"));
    }

    @Test
    void exactly_one_mebibyte_is_accepted() {
        given().contentType("application/octet-stream").body(bytes(MIB))
                .when().post("/api/v1/offers/imports")
                .then().statusCode(200).body("bodyLength", equalTo(MIB));
    }

    @Test
    void a_chunked_body_is_counted_while_it_streams() throws Exception {
        HttpResponse<String> response = sendChunked(bytes(2 * MIB));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(new JsonObject(response.body()).getInteger("status")).isEqualTo(413);
    }

    @Test
    void a_small_chunked_body_goes_through() throws Exception {
        HttpResponse<String> response = sendChunked(bytes(300 * 1024));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(response.body()).getInteger("bodyLength")).isEqualTo(300 * 1024);
    }

    private HttpResponse<String> sendChunked(byte[] body) throws Exception {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpRequest request = HttpRequest.newBuilder(imports)
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/octet-stream")
                    // A stream of unknown length is sent chunked: no Content-Length for the gateway to check upfront.
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                    .build();
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static byte[] bytes(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'a');
        return body;
    }
}
