package fr.tremplin.applications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tremplin.common.events.Topics;
import fr.tremplin.testing.KafkaTestConsumer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static fr.tremplin.applications.Fixtures.W05;
import static fr.tremplin.applications.Fixtures.W06;
import static fr.tremplin.applications.Fixtures.act;
import static fr.tremplin.applications.Fixtures.applied;
import static fr.tremplin.applications.Fixtures.apply;
import static fr.tremplin.applications.Fixtures.offer;
import static fr.tremplin.applications.Fixtures.pupilToken;
import static fr.tremplin.applications.Fixtures.school;
import static fr.tremplin.applications.Fixtures.seats;
import static fr.tremplin.testing.KafkaTestConsumer.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The offers read model and the seat ledger fed by tremplin.offers.v1: changes cancel what no longer fits (with their
 * events); redelivered and reordered events change nothing; a poison record goes to the dead-letter topic.
 */
@QuarkusTest
class OfferEventsConsumerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aCapacityDropCancelsTheMostRecentHoldsBeyondIt() throws Exception {
        Fixtures.Offer offer = offer("01", 3, W05);
        String uai = school("01", "REP");
        List<UUID> pupils = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<UUID> ids = pupils.stream().map(p -> applied(p, uai, offer, W05)).toList();
        for (int i = 0; i < 3; i++) {
            act(offer.hostBearer(), ids.get(i), "accept", null).statusCode(200);
        }
        act(pupilToken(pupils.get(0), uai), ids.get(0), "confirm", null).statusCode(200);
        seats(offer).body("weeks[0].held", equalTo(2)).body("weeks[0].consumed", equalTo(1));

        try (KafkaTestConsumer events = KafkaTestConsumer.fromNow(Topics.APPLICATIONS)) {
            offer.capacity = 1;
            offer.publish("offer.updated");

            // the two holds go (most recent first), the confirmed seat and the unanswered candidacy stay
            for (UUID cancelled : List.of(ids.get(1), ids.get(2))) {
                given().header("Authorization", offer.hostBearer()).get("/api/v1/applications/" + cancelled).then()
                        .body("state", equalTo("CANCELLED"))
                        .body("history[-1].reason", equalTo("offer changed"))
                        .body("history[-1].role", equalTo("system"));
                ConsumerRecord<String, String> event = events.awaitRecord(r -> cancelled.toString().equals(r.key())
                        && "application.cancelled".equals(header(r, "ce_type")), Duration.ofSeconds(20));
                JsonNode payload = MAPPER.readTree(event.value());
                assertThat(payload.get("state").asText()).isEqualTo("CANCELLED");
                assertThat(payload.get("previousState").asText()).isEqualTo("ACCEPTED");
                assertThat(payload.get("reason").asText()).isEqualTo("offer changed");
            }
            given().header("Authorization", offer.hostBearer()).get("/api/v1/applications/" + ids.get(0)).then()
                    .body("state", equalTo("CONFIRMED"));
            given().header("Authorization", offer.hostBearer()).get("/api/v1/applications/" + ids.get(3)).then()
                    .body("state", equalTo("FORWARDED"));
            seats(offer).body("weeks[0].capacity", equalTo(1)).body("weeks[0].held", equalTo(0))
                    .body("weeks[0].consumed", equalTo(1));
        }
    }

    @Test
    void aWithdrawnWeekCancelsItsCandidaciesAndTakesNoMore() {
        Fixtures.Offer offer = offer("01", 2, W05, W06);
        String uai = school("01", "REP");
        UUID kept = applied(UUID.randomUUID(), uai, offer, W05);
        UUID pupil = UUID.randomUUID();
        UUID accepted = applied(pupil, uai, offer, W06);
        UUID waiting = applied(UUID.randomUUID(), uai, offer, W06);
        act(offer.hostBearer(), accepted, "accept", null).statusCode(200);
        act(pupilToken(pupil, uai), accepted, "confirm", null).statusCode(200);

        offer.weeks = List.of(W05);
        offer.publish("offer.updated");

        for (UUID id : List.of(accepted, waiting)) {
            given().header("Authorization", offer.hostBearer()).get("/api/v1/applications/" + id).then()
                    .body("state", equalTo("CANCELLED")).body("history[-1].reason", equalTo("offer changed"));
        }
        given().header("Authorization", offer.hostBearer()).get("/api/v1/applications/" + kept).then()
                .body("state", equalTo("FORWARDED"));
        seats(offer).body("weeks.find { it.week == '2028-W06' }.open", equalTo(false))
                .body("weeks.find { it.week == '2028-W06' }.consumed", equalTo(0))
                .body("weeks.find { it.week == '2028-W05' }.open", equalTo(true));
        apply(pupilToken(UUID.randomUUID(), uai), offer.id, W06, null).statusCode(422);
        // the week comes back: it takes candidacies again
        offer.weeks = List.of(W05, W06);
        offer.publish("offer.updated");
        apply(pupilToken(UUID.randomUUID(), uai), offer.id, W06, null).statusCode(201);
    }

    @Test
    void aRemovedOfferCancelsEveryLiveCandidacy() {
        Fixtures.Offer offer = offer("01", 2, W05, W06);
        String uai = school("01", "REP");
        UUID first = applied(UUID.randomUUID(), uai, offer, W05);
        UUID second = applied(UUID.randomUUID(), uai, offer, W06);
        offer.status = "REMOVED";
        offer.publish("offer.removed");
        for (UUID id : List.of(first, second)) {
            given().header("Authorization", offer.hostBearer()).get("/api/v1/applications/" + id).then()
                    .body("state", equalTo("CANCELLED"));
        }
        apply(pupilToken(UUID.randomUUID(), uai), offer.id, W05, null).statusCode(422);
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        Fixtures.Offer offer = offer("01", 2, W05);
        String uai = school("01", "REP");
        UUID id = applied(UUID.randomUUID(), uai, offer, W05);
        act(offer.hostBearer(), id, "accept", null).statusCode(200);

        offer.capacity = 1;
        TestEvents.Sent update = offer.publish("offer.updated");
        // the host cancels, then the same offer.updated comes again (consumer crash before its offset commit)
        act(offer.hostBearer(), id, "cancel", "empêchement").statusCode(200);
        UUID again = applied(UUID.randomUUID(), uai, offer, W05);
        act(offer.hostBearer(), again, "accept", null).statusCode(200);
        TestEvents.redeliver(update);
        // and a record reusing that id with another content is the same event: ignored too
        TestEvents.publish(update.id(), update.topic(), update.key(), update.type(), update.subject(),
                update.payload().replace("\"capacityPerWeek\":1", "\"capacityPerWeek\":0"), update.time());
        // an older event with the same key follows them on the same partition: once it is processed, so are they
        offer.version = 1;
        TestEvents.awaitProcessed(offer.send("offer.updated"));

        assertThat(TestEvents.count("SELECT count(*) FROM processed_event WHERE event_id = ?", update.id())).isEqualTo(1);
        seats(offer).body("weeks[0].capacity", equalTo(1)).body("weeks[0].held", equalTo(1));
        given().header("Authorization", offer.hostBearer()).get("/api/v1/applications/" + again).then()
                .body("state", equalTo("ACCEPTED"));
    }

    @Test
    void anOlderEventArrivingLateIsIgnored() {
        Fixtures.Offer offer = offer("01", 2, W05);
        Instant early = offer.time;
        offer.capacity = 4;
        offer.publish("offer.updated"); // version 2
        offer.capacity = 3;
        offer.publish("offer.updated"); // version 3

        // version 2 again, late (a replay from another partition or producer retry): older, ignored
        offer.version = 2;
        offer.capacity = 5;
        offer.time = early.plusMillis(1);
        TestEvents.awaitProcessed(offer.send("offer.updated"));
        seats(offer).body("weeks[0].capacity", equalTo(3));

        // same version, earlier time: ignored
        offer.version = 3;
        offer.time = early;
        offer.capacity = 6;
        TestEvents.awaitProcessed(offer.send("offer.updated"));
        seats(offer).body("weeks[0].capacity", equalTo(3));
        assertThat(TestEvents.count("SELECT count(*) FROM offer_view WHERE offer_id = ? AND version = 3", offer.id))
                .isEqualTo(1);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextEventIsApplied() {
        try (KafkaTestConsumer dlq = KafkaTestConsumer.fromNow(Topics.deadLetter(Topics.OFFERS))) {
            String key = UUID.randomUUID().toString();
            ProducerRecord<String, String> poison = new ProducerRecord<>(Topics.OFFERS, key, "{not json");
            poison.headers().add(new RecordHeader("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)));
            poison.headers().add(new RecordHeader("ce_type", "offer.updated".getBytes(StandardCharsets.UTF_8)));
            TestEvents.send(poison);
            ProducerRecord<String, String> badWeek = new ProducerRecord<>(Topics.OFFERS, key,
                    "{\"offerId\":\"" + key + "\",\"status\":\"PUBLISHED\",\"capacityPerWeek\":1,\"weeks\":[{\"week\":\"2028-W77\"}]}");
            badWeek.headers().add(new RecordHeader("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)));
            badWeek.headers().add(new RecordHeader("ce_type", "offer.updated".getBytes(StandardCharsets.UTF_8)));
            TestEvents.send(badWeek);

            dlq.awaitRecord(r -> key.equals(r.key()) && "{not json".equals(r.value()), Duration.ofSeconds(30));
            dlq.awaitRecord(r -> key.equals(r.key()) && r.value().contains("W77"), Duration.ofSeconds(30));
            // the partition is not blocked: an offer with the same key (same partition) is applied afterwards
            Fixtures.Offer next = offer("01", 2, W05);
            seats(next).statusCode(200);
            assertThat(TestEvents.count("SELECT count(*) FROM offer_view WHERE offer_id = ?", UUID.fromString(key))).isZero();
        }
    }
}
