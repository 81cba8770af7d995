package fr.tremplin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.tremplin.gateway.support.GatewayHttp;
import fr.tremplin.gateway.support.GatewayTestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A client speaking HTTP/2 to the gateway, as the JDK's client does by default (upgrading a plain connection). HTTP/2
 * has no Transfer-Encoding, so a body without Content-Length must still reach the service whole, and nothing may
 * fail inside the gateway on the way.
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class Http2ClientTest {

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    private GatewayHttp http;
    private final ErrorCapture errors = new ErrorCapture();

    @BeforeEach
    void clientAndErrorCapture() {
        http = new GatewayHttp(port, HttpClient.Version.HTTP_2);
        Logger.getLogger("").addHandler(errors);
    }

    @AfterEach
    void stopCapture() {
        Logger.getLogger("").removeHandler(errors);
    }

    @Test
    void a_get_on_an_upgraded_connection_is_relayed_without_an_error() throws Exception {
        HttpResponse<String> answer = http.get("/api/v1/offers/42?page=1");
        assertThat(answer.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonPath echo = JsonPath.from(answer.body());
        assertThat(echo.getString("uri")).isEqualTo("/api/v1/offers/42?page=1");
        assertThat(echo.getInt("bodyLength")).isZero();
        assertThat(errors.messages).as("errors logged by the gateway").isEmpty();
    }

    @Test
    void a_streamed_body_without_content_length_reaches_the_service_whole() throws Exception {
        byte[] body = "{\"offerId\":\"o-streamed\",\"motivation\":\"J'aime les sciences.\"}".getBytes(StandardCharsets.UTF_8);
        // the HTTP/2 connection first, so that the upload goes out as DATA frames with no declared length
        http.get("/api/v1/offers/42");
        HttpResponse<String> answer = http.send(http.request("/api/v1/applications").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        assertThat(answer.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonPath echo = JsonPath.from(answer.body());
        assertThat(echo.getString("method")).isEqualTo("POST");
        assertThat(echo.getInt("bodyLength")).isEqualTo(body.length);
        assertThat(echo.getString("body")).isEqualTo(new String(body, StandardCharsets.UTF_8));
        assertThat(errors.messages).as("errors logged by the gateway").isEmpty();
    }

    @Test
    void a_get_whose_connection_the_service_closed_is_retried_once() throws Exception {
        http.get("/api/v1/offers/42");
        HttpResponse<String> answer = http.send(http.request("/api/v1/offers/42/flaky-close").header("X-Request-Id", "h2-retry-1").GET());
        assertThat(answer.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JsonPath.from(answer.body()).getString("uri")).isEqualTo("/api/v1/offers/42/flaky-close");
    }

    private static final class ErrorCapture extends Handler {
        final java.util.List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                messages.add(record.getLoggerName() + ": " + record.getMessage()
                        + (record.getThrown() == null ? "" : " " + record.getThrown()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
