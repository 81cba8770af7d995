package fr.tremplin.offers;

import fr.tremplin.common.events.Topics;
import fr.tremplin.testing.KafkaTestConsumer;
import fr.tremplin.testing.LogCapture;
import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static fr.tremplin.offers.OfferFixtures.SECTOR_MODE;
import static fr.tremplin.offers.OfferFixtures.host;
import static fr.tremplin.offers.OfferFixtures.offer;
import static fr.tremplin.testing.KafkaTestConsumer.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace from the request to the consumer (issue 15): a request that arrives with the gateway's
 * {@code traceparent} is served in a span of that trace; its event's outbox row keeps the context, the relay publishes
 * it in a producer span of the trace and sends that span's context as {@code traceparent} and {@code ce_traceparent};
 * the service's own consumer of tremplin.offers.v1 (the statistics projection) processes it in a consumer span of the
 * same trace. The gateway's half (it forwards its own span's context upstream) is the gateway's TracePropagationTest.
 */
@QuarkusTest
@TestProfile(TracesOn.class)
class TraceTest {

    private static final AttributeKey<String> CONSUMER = AttributeKey.stringKey("messaging.consumer.group.name");

    @Inject
    InMemorySpanExporter spans;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRequestItsEventAndItsConsumerShareOneTrace() throws Exception {
        OfferFixtures.Host host = host("Lunetterie de Morez");
        String id = given().header("Authorization", host.bearer()).contentType("application/json")
                .body(offer("Lunetterie", "Monter une paire de lunettes.", SECTOR_MODE))
                .post("/api/v1/offers").then().statusCode(201).extract().path("id");
        String traceId = hex(16);
        String gatewaySpanId = hex(8);
        try (KafkaTestConsumer consumer = KafkaTestConsumer.fromNow(Topics.OFFERS);
             LogCapture logs = LogCapture.start()) {
            given().header("Authorization", host.bearer())
                    .header("traceparent", "00-" + traceId + "-" + gatewaySpanId + "-01")
                    .post("/api/v1/offers/" + id + "/publish").then().statusCode(200);

            SpanData consumed = await().atMost(Duration.ofSeconds(30)).until(
                    () -> find(traceId, SpanKind.CONSUMER, "offers-service.offers"), Optional::isPresent).orElseThrow();
            SpanData server = find(traceId, SpanKind.SERVER, null).orElseThrow();
            SpanData published = find(traceId, SpanKind.PRODUCER, null).orElseThrow();

            assertThat(server.getParentSpanId()).as("the service's span continues the gateway's").isEqualTo(gatewaySpanId);
            assertThat(published.getName()).isEqualTo("tremplin.offers.v1 publish");
            assertThat(published.getParentSpanId()).as("the relay publishes in the request's trace")
                    .isEqualTo(server.getSpanId());
            assertThat(consumed.getName()).isEqualTo("tremplin.offers.v1 process");
            assertThat(ancestors(consumed)).as("the consumer's span descends from the producer's")
                    .contains(published.getSpanId());

            String sent = "00-" + traceId + "-" + published.getSpanId() + "-01";
            ConsumerRecord<String, String> record = consumer.awaitRecord(r -> id.equals(r.key()), Duration.ofSeconds(20));
            assertThat(header(record, "traceparent")).isEqualTo(sent);
            assertThat(header(record, "ce_traceparent")).as("the CloudEvents extension").isEqualTo(sent);
            assertThat(outboxTraceparent(id)).isEqualTo("00-" + traceId + "-" + server.getSpanId() + "-01");

            await().atMost(Duration.ofSeconds(10)).until(() -> !logs.linesHolding("/publish").isEmpty());
            assertThat(logs.linesHolding("/publish")).as("the request's log line names its trace and span")
                    .anyMatch(line -> line.contains(traceId) && line.contains(server.getSpanId()));
        }
    }

    private Optional<SpanData> find(String traceId, SpanKind kind, String consumer) {
        return spans.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(traceId) && span.getKind() == kind)
                .filter(span -> consumer == null || consumer.equals(span.getAttributes().get(CONSUMER)))
                .findFirst();
    }

    /** The span ids above this span in its trace, as far as the finished spans go. */
    private List<String> ancestors(SpanData span) {
        List<SpanData> trace = spans.getFinishedSpanItems().stream()
                .filter(other -> other.getTraceId().equals(span.getTraceId())).toList();
        List<String> ancestors = new java.util.ArrayList<>();
        String parent = span.getParentSpanId();
        while (parent != null && !ancestors.contains(parent)) {
            ancestors.add(parent);
            String current = parent;
            parent = trace.stream().filter(other -> other.getSpanId().equals(current))
                    .map(SpanData::getParentSpanId).findFirst().orElse(null);
        }
        return ancestors;
    }

    private String outboxTraceparent(String offerId) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT traceparent FROM outbox_event WHERE message_key = ? AND type = 'offer.published'")) {
            select.setString(1, offerId);
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
