package fr.tremplin.offers;

import fr.tremplin.common.events.Topics;
import fr.tremplin.testing.KafkaTestConsumer;
import fr.tremplin.testing.KafkaTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static fr.tremplin.offers.OfferFixtures.SECTOR_MODE;
import static fr.tremplin.offers.OfferFixtures.host;
import static fr.tremplin.offers.OfferFixtures.offer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Readiness means "can serve" (issue 15): with the broker down the service keeps answering, stays ready, alive and
 * started, and still takes writes, whose events wait in the outbox; Kafka's absence shows in the "kafka" wellness
 * check only; once the broker is back every event written meanwhile is delivered, and the service's own consumer of
 * tremplin.offers.v1 (the statistics projection) has applied them.
 */
@QuarkusTest
class KafkaOutageReadinessTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aKafkaOutageLeavesTheServiceReadyAndTheOutboxCatchesUp() {
        if (System.getenv("KAFKA_BOOTSTRAP_SERVERS") != null) {
            return; // an external broker cannot be stopped from here
        }
        OfferFixtures.Host host = host("Verrerie de Nantua");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/well").then()
                .statusCode(200).body("checks.find { it.name == 'kafka' }.status", equalTo("UP")));
        List<String> written = new ArrayList<>();
        KafkaTestResource.stopBroker();
        try {
            // what an operator sees: Kafka away, in the wellness check alone
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/well").then()
                    .statusCode(503).body("checks.find { it.name == 'kafka' }.status", equalTo("DOWN")));
            for (int i = 0; i < 3; i++) {
                written.add(OfferFixtures.published(host, offer("Verrerie " + i, "Souffler le verre.", SECTOR_MODE)));
            }
            // a relay pass has failed by now: the outbox relay's state is in the check too
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/well").then()
                    .body("checks.find { it.name == 'kafka' }.data.outbox-relay",
                            org.hamcrest.Matchers.startsWith("failing since")));
            for (String probe : List.of("/q/health/ready", "/q/health/live", "/q/health/started")) {
                Response answer = given().get(probe);
                assertThat(answer.statusCode()).as(probe + " while Kafka is down: " + answer.asString()).isEqualTo(200);
                assertThat(answer.jsonPath().getString("status")).as(probe).isEqualTo("UP");
            }
            assertThat(given().get("/q/health/ready").jsonPath().getList("checks.name"))
                    .as("readiness checks the database, not Kafka").isNotEmpty().doesNotContain("kafka");
            given().get("/api/v1/offers/" + written.get(0)).then().statusCode(200);
        } finally {
            KafkaTestResource.startBroker();
        }
        try (KafkaTestConsumer consumer = KafkaTestConsumer.fromEarliest(Topics.OFFERS)) {
            for (String id : written) {
                consumer.awaitRecord(r -> id.equals(r.key()), Duration.ofSeconds(60));
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> appliedByTheProjection(written) == written.size());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health").then().statusCode(200)
                .body("checks.find { it.name == 'kafka' }.status", equalTo("UP")));
    }

    /** How many of the offers have an event the projection recorded as processed (a draft emits none). */
    private long appliedByTheProjection(List<String> offerIds) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT count(DISTINCT o.message_key) FROM processed_event p JOIN outbox_event o ON o.id::text = p.event_id "
                             + "WHERE p.consumer = 'offers-service.offers' AND o.message_key = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("text", offerIds.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
