package fr.tremplin.offers;

import fr.tremplin.common.events.Topics;
import fr.tremplin.testing.KafkaTestConsumer;
import fr.tremplin.testing.KafkaTestProducer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.tremplin.offers.OfferFixtures.SECTOR_MODE;
import static fr.tremplin.offers.OfferFixtures.address;
import static fr.tremplin.offers.OfferFixtures.host;
import static fr.tremplin.offers.OfferFixtures.offer;
import static fr.tremplin.offers.OfferFixtures.published;
import static fr.tremplin.testing.KafkaTestConsumer.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;

/** The read models fed by other services' events survive redelivery, reordering and poison messages. */
@QuarkusTest
class ReadModelConsumersTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** applications-service sends its whole payload with every event: the pupil (an id) and their school too. */
    private static final String PUPIL = UUID.randomUUID().toString();

    private static String seatEvent(String applicationId, String offerId, String state) {
        return "{\"applicationId\":\"" + applicationId + "\",\"offerId\":\"" + offerId
                + "\",\"week\":\"2028-W05\",\"state\":\"" + state + "\",\"pupilId\":\"" + PUPIL
                + "\",\"schoolUai\":\"0590001A\",\"schoolPriority\":\"REP_PLUS\",\"schoolDepartment\":\"59\"}";
    }

    private static void freeSeatsAre(String offerId, int free) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().get("/api/v1/offers/" + offerId).then().statusCode(200)
                        .body("weeks.freeSeats", contains(free)));
    }

    @Test
    void redeliveredAndLateEventsChangeNothing() {
        OfferFixtures.Host host = host("Fromagerie des Alpes");
        Map<String, Object> offer = offer("Affiner les fromages", "Caves et affinage.", SECTOR_MODE);
        offer.put("address", address(45.9, 6.1));
        offer.put("weeks", List.of("2028-W05"));
        offer.put("capacityPerWeek", 2);
        String offerId = published(host, offer);
        String application = UUID.randomUUID().toString();
        Instant t0 = Instant.now();

        String confirmed = KafkaTestProducer.send(Topics.APPLICATIONS, application, "application.confirmed",
                seatEvent(application, offerId, "CONFIRMED"), UUID.randomUUID().toString(), t0);
        freeSeatsAre(offerId, 1);
        // the same event again (a relay restarted before committing its offsets): still one seat taken
        KafkaTestProducer.send(Topics.APPLICATIONS, application, "application.confirmed",
                seatEvent(application, offerId, "CONFIRMED"), confirmed, t0);
        // the pupil cancels: the seat is free again
        KafkaTestProducer.send(Topics.APPLICATIONS, application, "application.cancelled",
                seatEvent(application, offerId, "CANCELLED"), UUID.randomUUID().toString(), t0.plusSeconds(60));
        freeSeatsAre(offerId, 2);
        // an older event arriving late does not resurrect the booking
        KafkaTestProducer.send(Topics.APPLICATIONS, application, "application.accepted",
                seatEvent(application, offerId, "CONFIRMED"), UUID.randomUUID().toString(), t0.plusSeconds(30));
        String marker = UUID.randomUUID().toString();
        KafkaTestProducer.send(Topics.APPLICATIONS, marker, "application.confirmed",
                seatEvent(marker, offerId, "CONFIRMED"), UUID.randomUUID().toString(), t0.plusSeconds(90));
        freeSeatsAre(offerId, 1); // only the marker's seat: the late event was ignored
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextEventsStillFlow() {
        OfferFixtures.Host host = host("Verrerie de Biot");
        Map<String, Object> offer = offer("Souffler le verre", "Four et canne.", SECTOR_MODE);
        offer.put("address", address(43.63, 7.09));
        offer.put("weeks", List.of("2028-W05"));
        String offerId = published(host, offer);
        try (KafkaTestConsumer deadLetters = KafkaTestConsumer.fromNow(Topics.deadLetter(Topics.APPLICATIONS))) {
            String poison = UUID.randomUUID().toString();
            KafkaTestProducer.send(Topics.APPLICATIONS, poison, "application.confirmed",
                    "{\"applicationId\":\"not-a-uuid\",\"offerId\":\"" + offerId + "\",\"week\":\"2028-W05\",\"state\":\"CONFIRMED\"}",
                    poison, Instant.now());
            var dead = deadLetters.awaitRecord(r -> poison.equals(header(r, "ce_id")), Duration.ofSeconds(30));
            assertThat(header(dead, "dead-letter-reason")).isNotBlank();
        }
        String application = UUID.randomUUID().toString();
        KafkaTestProducer.send(Topics.APPLICATIONS, application, "application.confirmed",
                seatEvent(application, offerId, "CONFIRMED"));
        freeSeatsAre(offerId, 1);
    }
}
