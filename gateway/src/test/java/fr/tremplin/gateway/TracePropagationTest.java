package fr.tremplin.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.tremplin.gateway.support.AccessLogCapture;
import fr.tremplin.gateway.support.TracedGatewayProfile;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * The gateway's leg of a trace (issue 15): each exchange is a server span, continuing the caller's
 * {@code traceparent} when it sends one, and the service receives the context of the gateway's own span, once, so
 * that the service's span is its child (the service's half: offers-service's TraceTest). The access-log line names
 * the trace.
 */
@QuarkusTest
@TestProfile(TracedGatewayProfile.class)
class TracePropagationTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN_ID = "00f067aa0ba902b7";

    @Inject
    InMemorySpanExporter spans;

    private final AccessLogCapture accessLog = new AccessLogCapture();

    @BeforeEach
    void capture() {
        accessLog.start();
    }

    @AfterEach
    void release() {
        accessLog.stop();
    }

    @Test
    void the_callers_trace_is_continued_and_the_gateways_span_is_sent_upstream() {
        Response response = given().header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-01")
                .when().get("/api/v1/offers").then().statusCode(200).extract().response();

        List<String> sent = response.jsonPath().getList("headers.traceparent");
        assertThat(sent).as("one traceparent reaches the service").hasSize(1);
        String[] upstream = sent.get(0).split("-");
        assertThat(upstream[1]).as("same trace").isEqualTo(TRACE_ID);
        assertThat(upstream[2]).as("the gateway's span, not the caller's").isNotEqualTo(CALLER_SPAN_ID);

        SpanData server = await().atMost(Duration.ofSeconds(10))
                .until(() -> span(TRACE_ID, SpanKind.SERVER), Optional::isPresent).orElseThrow();
        assertThat(server.getParentSpanId()).isEqualTo(CALLER_SPAN_ID);
        List<SpanData> gateways = await().atMost(Duration.ofSeconds(10)).until(() -> trace(TRACE_ID),
                trace -> trace.stream().anyMatch(span -> span.getSpanId().equals(upstream[2])));
        assertThat(gateways).as("the span sent upstream is the gateway's, in the caller's trace")
                .anyMatch(span -> span.getSpanId().equals(upstream[2]));

        await().atMost(Duration.ofSeconds(5)).until(() -> !accessLog.lines().isEmpty());
        assertThat(accessLog.lines()).as("the access-log line names the trace")
                .anyMatch(line -> TRACE_ID.equals(line.get("traceId")) && line.get("spanId") != null);
    }

    @Test
    void a_request_without_a_trace_starts_one_which_the_service_continues() {
        Response response = given().when().get("/api/v1/schools").then().statusCode(200).extract().response();

        List<String> sent = response.jsonPath().getList("headers.traceparent");
        assertThat(sent).hasSize(1);
        String traceId = sent.get(0).split("-")[1];
        SpanData server = await().atMost(Duration.ofSeconds(10))
                .until(() -> span(traceId, SpanKind.SERVER), Optional::isPresent).orElseThrow();

        // the line is written once the response has ended: it still names the exchange's trace and span
        await().atMost(Duration.ofSeconds(5)).until(() -> !accessLog.lines().isEmpty());
        assertThat(accessLog.lines()).as("the access-log line names the trace the gateway started")
                .anyMatch(line -> traceId.equals(line.get("traceId")) && server.getSpanId().equals(line.get("spanId")));
    }

    private Optional<SpanData> span(String traceId, SpanKind kind) {
        return trace(traceId).stream().filter(span -> span.getKind() == kind).findFirst();
    }

    private List<SpanData> trace(String traceId) {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }
}
