package fr.tremplin.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import fr.tremplin.gateway.routing.RouteTable;
import fr.tremplin.gateway.support.FakeUpstreams;
import fr.tremplin.gateway.support.GatewayTestProfile;
import fr.tremplin.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class RoutingTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static Stream<Arguments> everyPrefix() {
        return RouteTable.prefixes().entrySet().stream()
                .map(route -> Arguments.of(route.getKey(), route.getValue().id()));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("everyPrefix")
    void each_prefix_reaches_its_service(String prefix, String service) {
        given()
                .when().get(prefix + "/some/thing?page=2&size=10")
                .then()
                .statusCode(200)
                .body("service", equalTo(service))
                .body("method", equalTo("GET"))
                .body("uri", equalTo(prefix + "/some/thing?page=2&size=10"));
        // The bare prefix is a path of its own (a collection), not only the start of others.
        given().when().get(prefix).then().statusCode(200).body("service", equalTo(service)).body("uri", equalTo(prefix));
    }

    @Test
    void method_path_query_headers_and_body_go_up_unchanged() {
        String token = TestTokens.as("host").subject("host-7").sign();
        String body = "{\"title\":\"Stage en mairie\",\"seats\":3}";

        Response echo = given()
                .header("Authorization", "Bearer " + token)
                .header("If-Match", "\"v3\"")
                .header("Idempotency-Key", "k-123")
                .header("Accept-Language", "fr-FR")
                .contentType("application/json")
                .body(body)
                .when().put("/api/v1/operator/offers/ext-9?dryRun=false&tag=a&tag=b")
                .then().statusCode(200).extract().response();

        assertThat(echo.<String>path("service")).isEqualTo("offers");
        assertThat(echo.<String>path("method")).isEqualTo("PUT");
        assertThat(echo.<String>path("uri")).isEqualTo("/api/v1/operator/offers/ext-9?dryRun=false&tag=a&tag=b");
        assertThat(echo.<String>path("body")).isEqualTo(body);
        assertThat(echo.<String>path("headers.authorization[0]")).isEqualTo("Bearer " + token);
        assertThat(echo.<String>path("headers.if-match[0]")).isEqualTo("\"v3\"");
        assertThat(echo.<String>path("headers.idempotency-key[0]")).isEqualTo("k-123");
        assertThat(echo.<String>path("headers.accept-language[0]")).isEqualTo("fr-FR");
        assertThat(echo.<String>path("headers.content-type[0]")).startsWith("application/json");
    }

    @Test
    void every_method_is_forwarded() {
        for (String method : new String[] {"POST", "PATCH", "DELETE"}) {
            given().contentType("application/json").body("{}")
                    .when().request(method, "/api/v1/applications/a-1")
                    .then().statusCode(200)
                    .body("service", equalTo("applications"))
                    .body("method", equalTo(method));
        }
    }

    @Test
    void the_public_host_and_client_address_are_forwarded() {
        Response echo = given().when().get("/api/v1/schools/0590001A").then().statusCode(200).extract().response();

        assertThat(echo.<String>path("headers.host[0]")).isEqualTo("localhost:" + RestAssured.port);
        assertThat(echo.<String>path("headers.x-forwarded-for[0]")).isEqualTo("127.0.0.1");
        assertThat(echo.<String>path("headers.x-forwarded-proto[0]")).isEqualTo("http");
    }

    @Test
    void a_service_problem_comes_back_unchanged() {
        Response response = given()
                .when().post("/api/v1/applications/a-1/problem")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .header("ETag", "\"v7\"")
                .header("X-Upstream-Header", "kept")
                .extract().response();

        assertThat(response.asString()).isEqualTo(FakeUpstreams.PROBLEM_BODY);
    }

    @Test
    void fields_about_the_services_own_connection_are_not_relayed() {
        Response response = given().when().get("/api/v1/offers/42/hop-by-hop")
                .then().statusCode(200).header("X-Upstream-Header", "kept")
                .extract().response();
        assertThat(response.headers().hasHeaderWithName("X-Hop-Secret")).as("a field named in Connection").isFalse();
        assertThat(response.headers().hasHeaderWithName("Keep-Alive")).isFalse();
        assertThat(response.header("Connection")).as("the gateway's own connection stays open")
                .isNotEqualToIgnoringCase("X-Hop-Secret");
    }

    @Test
    void a_conditional_get_and_its_304_go_through_with_their_caching_headers() {
        Response response = given().header("If-None-Match", "W/\"2\", \"3.1f\"")
                .when().get("/api/v1/offers/o-1/not-modified")
                .then().statusCode(304).extract().response();

        assertThat(response.header("X-Seen-If-None-Match")).isEqualTo("W/\"2\", \"3.1f\"");
        assertThat(response.header("ETag")).isEqualTo("\"3.1f\"");
        assertThat(response.header("Cache-Control")).isEqualTo("public, max-age=60");
        assertThat(response.header("Vary")).isEqualTo("Authorization");
        assertThat(response.asString()).isEmpty();
    }

    @Test
    void status_and_location_of_a_creation_come_back() {
        given().contentType("application/json").body("{}")
                .when().post("/api/v1/offers/created")
                .then().statusCode(201).header("Location", "/api/v1/offers/42");
    }

    @Test
    void a_streamed_response_comes_back_whole() {
        String body = given().when().get("/api/v1/statistics/stream").then().statusCode(200).extract().asString();

        assertThat(body).hasSize(FakeUpstreams.STREAMED_CHUNK.length() * FakeUpstreams.STREAMED_CHUNKS);
        assertThat(body).isEqualTo(FakeUpstreams.STREAMED_CHUNK.repeat(FakeUpstreams.STREAMED_CHUNKS));
    }

    @Test
    void a_read_without_a_body_goes_up_without_one() {
        Response echo = given().when().get("/api/v1/offers/o-3")
                .then().statusCode(200).extract().response();

        assertThat(echo.<Integer>path("bodyLength")).isZero();
        assertThat(echo.<Object>path("headers.content-length")).as("no length invented for a body it has not").isNull();
        assertThat(echo.<Object>path("headers.transfer-encoding")).isNull();
    }

    @Test
    void reads_without_a_body_follow_each_other_on_one_kept_alive_connection() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            for (String id : List.of("o-5", "o-6", "o-7")) {
                socket.getOutputStream().write(("GET /api/v1/offers/" + id + " HTTP/1.1\r\nHost: tremplin.test\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                String answer = readAnswer(socket.getInputStream());
                assertThat(answer).startsWith("HTTP/1.1 200").contains("\"uri\":\"/api/v1/offers/" + id + "\"");
            }
        }
    }

    /** One HTTP/1.1 answer framed by its Content-Length, as the echo's are. */
    private static String readAnswer(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            assertThat(next).as("the answer's head ended before the connection").isNotNegative();
            head.append((char) next);
        }
        Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        assertThat(length.find()).as("a Content-Length in " + head).isTrue();
        return head + new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8);
    }

    @Test
    void an_http_1_0_client_gets_a_streamed_answer_whole_with_its_length() throws Exception {
        int length = FakeUpstreams.STREAMED_CHUNK.length() * FakeUpstreams.STREAMED_CHUNKS;
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /api/v1/statistics/stream HTTP/1.0\r\nHost: tremplin.test\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            // HTTP/1.0 has no chunked framing: the answer comes with its length, and the connection then closes
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
            assertThat(head).startsWith("HTTP/1.0 200").containsIgnoringCase("content-length: " + length)
                    .doesNotContainIgnoringCase("transfer-encoding");
            assertThat(answer.substring(head.length() + 4))
                    .isEqualTo(FakeUpstreams.STREAMED_CHUNK.repeat(FakeUpstreams.STREAMED_CHUNKS));
        }
    }

    @Test
    void a_large_body_within_the_limit_streams_up() {
        byte[] body = new byte[900 * 1024];
        Arrays.fill(body, (byte) 'x');

        given().contentType("application/octet-stream").body(body)
                .when().post("/api/v1/agreements/ag-1/attachments")
                .then().statusCode(200).body("bodyLength", equalTo(body.length));
    }

    @Test
    void the_gateway_alone_answers_cors() {
        // The fake service adds its own "Access-Control-Allow-Origin: *", which must not reach the browser.
        Response response = given().header("Origin", "https://front.tremplin.test")
                .when().get("/api/v1/offers")
                .then().statusCode(200).extract().response();

        assertThat(response.headers().getValues("Access-Control-Allow-Origin")).containsExactly("https://front.tremplin.test");
    }

    @Test
    void an_unknown_path_is_a_problem() {
        for (String path : new String[] {"/api/v1/nowhere", "/api/v1/offersandmore", "/api/v2/offers", "/api"}) {
            given().when().get(path)
                    .then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("status", equalTo(404))
                    .body("title", equalTo("Not found"))
                    .body("type", startsWith("https://tremplin.beta.gouv.fr/problems/"));
        }
    }

    @Test
    void dot_segments_cannot_smuggle_a_request_to_another_service() {
        // Routed on the normalised path, which is also the path the service will act on.
        given().urlEncodingEnabled(false)
                .when().get("/api/v1/offers/../pupils/p-1")
                .then().statusCode(200).body("service", equalTo("schools"));
    }
}
