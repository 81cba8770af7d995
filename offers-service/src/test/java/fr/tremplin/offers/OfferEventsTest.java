package fr.tremplin.offers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tremplin.common.events.Topics;
import fr.tremplin.offers.domain.Offer;
import fr.tremplin.offers.events.OfferEvents;
import fr.tremplin.testing.KafkaTestConsumer;
import fr.tremplin.testing.KafkaTestResource;
import fr.tremplin.testing.events.EventContract;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

import static fr.tremplin.offers.OfferFixtures.SECTOR_MODE;
import static fr.tremplin.offers.OfferFixtures.host;
import static fr.tremplin.offers.OfferFixtures.offer;
import static fr.tremplin.testing.KafkaTestConsumer.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** What other services and relays see of offers on tremplin.offers.v1, and that the outbox loses nothing. */
@QuarkusTest
class OfferEventsTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    OfferEvents events;
    @Inject
    ObjectMapper mapper;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void publishingAnOfferReachesAKafkaConsumerAsACloudEvent() throws Exception {
        OfferFixtures.Host host = host("Mairie de Oyonnax");
        try (KafkaTestConsumer consumer = KafkaTestConsumer.fromNow(Topics.OFFERS)) {
            String id = OfferFixtures.published(host, offer("Un jour en mairie", "Accueil, état civil.", SECTOR_MODE));

            ConsumerRecord<String, String> record = consumer.awaitRecord(r -> id.equals(r.key()), Duration.ofSeconds(20));
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "ce_type")).isEqualTo("offer.published");
            assertThat(header(record, "ce_source")).isEqualTo("/tremplin/offers-service");
            assertThat(header(record, "ce_subject")).isEqualTo("offers/" + id);
            assertThat(header(record, "ce_id")).isNotBlank();
            assertThat(header(record, "ce_time")).isNotBlank();
            assertThat(header(record, "content-type")).isEqualTo("application/json");
            JsonNode payload = mapper.readTree(record.value());
            assertThat(payload.get("offerId").asText()).isEqualTo(id);
            assertThat(payload.get("capacityPerWeek").asInt()).isEqualTo(2);
            assertThat(payload.get("weeks").get(0).get("week").asText()).isEqualTo("2028-W05");
            assertThat(payload.get("department").asText()).isEqualTo("01");
            // The headers OutboxRelay really sent, not only the outbox row DatabaseCleaner checks: docs/events.
            EventContract.load().check(record);
        }
    }

    /**
     * The relay's fallback pass runs every 10 s in tests (application.properties): each of these events arrives within
     * 2 s only because the commit's notification woke the relay. Five in a row, so that a fallback pass happening to
     * fall in the window cannot make it pass.
     */
    @Test
    void aCommittedEventIsRelayedAtOnceWithoutWaitingForThePoll() {
        OfferFixtures.Host host = host("Boulangerie du Pont");
        try (KafkaTestConsumer consumer = KafkaTestConsumer.fromNow(Topics.OFFERS)) {
            for (int i = 0; i < 5; i++) {
                String id = OfferFixtures.published(host, offer("Pain " + i, "Pétrir, façonner, cuire.", SECTOR_MODE));
                long committed = System.nanoTime();
                consumer.awaitRecord(r -> id.equals(r.key()), Duration.ofSeconds(20));
                assertThat(Duration.ofNanos(System.nanoTime() - committed)).as("delay of event %d", i)
                        .isLessThan(Duration.ofSeconds(2));
            }
        }
    }

    @Test
    void aDraftEmitsNothingAndUnpublishEmitsItsEvent() {
        OfferFixtures.Host host = host("Pharmacie du Lac");
        try (KafkaTestConsumer consumer = KafkaTestConsumer.fromNow(Topics.OFFERS)) {
            String id = given().header("Authorization", host.bearer()).contentType("application/json")
                    .body(offer("Pharmacie", "Conseil et préparation.", SECTOR_MODE))
                    .post("/api/v1/offers").then().statusCode(201).extract().path("id");
            given().header("Authorization", host.bearer()).post("/api/v1/offers/" + id + "/publish").then().statusCode(200);
            given().header("Authorization", host.bearer()).post("/api/v1/offers/" + id + "/unpublish").then().statusCode(200);

            consumer.awaitRecord(r -> id.equals(r.key()) && "offer.unpublished".equals(header(r, "ce_type")),
                    Duration.ofSeconds(20));
            assertThat(consumer.drain(Duration.ofMillis(500)).stream().filter(r -> id.equals(r.key()))
                    .map(r -> header(r, "ce_type")))
                    .containsExactly("offer.published", "offer.unpublished");
        }
    }

    @Test
    void aRolledBackChangePublishesNothing() throws Exception {
        OfferFixtures.Host host = host("Atelier Couture");
        String id = OfferFixtures.published(host, offer("Couture", "Coudre une veste.", SECTOR_MODE));
        try (KafkaTestConsumer consumer = KafkaTestConsumer.fromNow(Topics.OFFERS)) {
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                Offer offer = Offer.findById(UUID.fromString(id));
                offer.title = "Titre jamais écrit";
                events.emit(OfferEvents.UPDATED, offer);
                throw new IllegalStateException("the change fails after its event was recorded");
            })).isInstanceOf(IllegalStateException.class);

            assertThat(consumer.drain(Duration.ofSeconds(2)))
                    .noneMatch(r -> id.equals(r.key()) && "offer.updated".equals(header(r, "ce_type")));
            assertThat(pendingOrPublishedEvents(id, "offer.updated")).isZero();
            given().get("/api/v1/offers/" + id).then().statusCode(200)
                    .body("title", org.hamcrest.Matchers.equalTo("Couture"));
        }
    }

    @Test
    void anEventWrittenWhileKafkaIsDownIsDeliveredOnceItIsBack() throws Exception {
        if (System.getenv("KAFKA_BOOTSTRAP_SERVERS") != null) {
            return; // an external broker cannot be stopped from here
        }
        OfferFixtures.Host host = host("Scierie du Haut-Bugey");
        String id;
        KafkaTestResource.stopBroker();
        try {
            id = OfferFixtures.published(host, offer("Scierie", "Le bois, de l'arbre à la planche.", SECTOR_MODE));
            Thread.sleep(1500);
            assertThat(unpublishedEvents(id)).as("the event waits in the outbox while Kafka is down").isEqualTo(1);
        } finally {
            KafkaTestResource.startBroker();
        }
        try (KafkaTestConsumer consumer = KafkaTestConsumer.fromEarliest(Topics.OFFERS)) {
            ConsumerRecord<String, String> record = consumer.awaitRecord(r -> id.equals(r.key()), Duration.ofSeconds(60));
            assertThat(header(record, "ce_type")).isEqualTo("offer.published");
        }
        assertThat(unpublishedEvents(id)).isZero();
    }

    @Test
    void aRelayPassThatCannotReachKafkaIsRecordedOnThePendingEvent() throws Exception {
        if (System.getenv("KAFKA_BOOTSTRAP_SERVERS") != null) {
            return; // an external broker cannot be stopped from here
        }
        OfferFixtures.Host host = host("Tuilerie de Bresse");
        String id;
        KafkaTestResource.stopBroker();
        try {
            id = OfferFixtures.published(host, offer("Tuilerie", "Mouler et cuire la terre.", SECTOR_MODE));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                RelayState state = relayState(id);
                assertThat(state.published()).isFalse();
                assertThat(state.attempts()).as("failed passes recorded on the row").isPositive();
                assertThat(state.lastError()).as("why the last pass failed").isNotBlank();
            });
        } finally {
            KafkaTestResource.startBroker();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> relayState(id).published());
    }

    private record RelayState(int attempts, String lastError, boolean published) {
    }

    private RelayState relayState(String offerId) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT attempts, last_error, published_at IS NOT NULL FROM outbox_event WHERE message_key = ?")) {
            select.setString(1, offerId);
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).as("the offer's event is in the outbox").isTrue();
                return new RelayState(rs.getInt(1), rs.getString(2), rs.getBoolean(3));
            }
        }
    }

    private long unpublishedEvents(String offerId) throws Exception {
        return count("SELECT count(*) FROM outbox_event WHERE message_key = ? AND published_at IS NULL", offerId);
    }

    private long pendingOrPublishedEvents(String offerId, String type) throws Exception {
        return count("SELECT count(*) FROM outbox_event WHERE message_key = ? AND type = '" + type + "'", offerId);
    }

    private long count(String sql, String key) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, key);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
