package fr.tremplin.schools;

import fr.tremplin.testing.KafkaTestConsumer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.tremplin.schools.SchoolFixtures.classOf;
import static fr.tremplin.schools.SchoolFixtures.currentYear;
import static fr.tremplin.schools.SchoolFixtures.principal;
import static fr.tremplin.schools.SchoolFixtures.pupil;
import static fr.tremplin.schools.SchoolFixtures.school;
import static fr.tremplin.testing.KafkaTestConsumer.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The placement of each pupil follows applications-service's events on tremplin.applications.v1, published here
 * as that service does; what changed is read back through the HTTP API.
 */
@QuarkusTest
class PlacementConsumerTest {

    private static ApplicationEventsProducer producer;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void start() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterAll
    static void stop() {
        if (producer != null) {
            producer.close();
        }
    }

    private static ApplicationEventsProducer producer() {
        if (producer == null) {
            producer = new ApplicationEventsProducer();
        }
        return producer;
    }

    private record Pupil(String uai, String classId, String id) {
    }

    private static Pupil newPupil() {
        String uai = school("059", "59", "REP_PLUS");
        String classId = classOf(uai, "3e A", currentYear());
        return new Pupil(uai, classId, pupil(uai, classId, "Sarah", "Fontaine"));
    }

    private static void awaitPlacement(Pupil pupil, String placement) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().header("Authorization", principal(pupil.uai())).get("/api/v1/pupils/" + pupil.id())
                        .then().statusCode(200).body("placement", equalTo(placement)));
    }

    private void awaitProcessed(String eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT count(*) FROM processed_event WHERE event_id = ?", eventId) == 1);
    }

    @Test
    void aCandidacyMovesThePupilFromNoApplicationToCompleted() {
        Pupil pupil = newPupil();
        String application = UUID.randomUUID().toString();
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        producer().send(application, pupil.id(), pupil.uai(), "SUBMITTED", t);
        awaitPlacement(pupil, "APPLIED");
        producer().send(application, pupil.id(), pupil.uai(), "FORWARDED", t.plusSeconds(1));
        producer().send(application, pupil.id(), pupil.uai(), "ACCEPTED", t.plusSeconds(2));
        awaitPlacement(pupil, "ACCEPTED");
        given().header("Authorization", principal(pupil.uai())).get("/api/v1/schools/" + pupil.uai() + "/pupils-without-placement")
                .then().body("items.pupilId", contains(pupil.id())).body("items[0].placement", equalTo("ACCEPTED"));

        producer().send(application, pupil.id(), pupil.uai(), "CONFIRMED", t.plusSeconds(3));
        awaitPlacement(pupil, "CONFIRMED");
        given().header("Authorization", principal(pupil.uai())).get("/api/v1/pupils/" + pupil.id())
                .then().body("withoutPlacementSince", nullValue());
        given().header("Authorization", principal(pupil.uai())).get("/api/v1/schools/" + pupil.uai() + "/pupils-without-placement")
                .then().body("totalItems", is(0));
        producer().send(application, pupil.id(), pupil.uai(), "AGREEMENT_SIGNED", t.plusSeconds(4));
        producer().send(application, pupil.id(), pupil.uai(), "COMPLETED", t.plusSeconds(5));
        awaitPlacement(pupil, "COMPLETED");
        given().header("Authorization", principal(pupil.uai())).get("/api/v1/schools/" + pupil.uai() + "/placement-summary")
                .then().body("pupils", is(1)).body("placed", is(1)).body("completed", is(1))
                .body("withoutApplication", is(0));
    }

    @Test
    void theMostAdvancedCandidacyWinsAndAClosedOneCountsForNothing() {
        Pupil pupil = newPupil();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        producer().send(first, pupil.id(), pupil.uai(), "SUBMITTED", t);
        producer().send(second, pupil.id(), pupil.uai(), "SUBMITTED", t);
        producer().send(first, pupil.id(), pupil.uai(), "REJECTED", t.plusSeconds(1));
        awaitPlacement(pupil, "APPLIED");
        producer().send(second, pupil.id(), pupil.uai(), "CONFIRMED", t.plusSeconds(2));
        awaitPlacement(pupil, "CONFIRMED");
        // the confirmed internship is cancelled: the pupil is without a placement again, from that moment
        Instant cancelled = t.plusSeconds(3);
        producer().send(second, pupil.id(), pupil.uai(), "CANCELLED", cancelled);
        awaitPlacement(pupil, "NO_APPLICATION");
        given().header("Authorization", principal(pupil.uai())).get("/api/v1/pupils/" + pupil.id())
                .then().body("withoutPlacementSince", notNullValue());
        assertThat(Instant.parse(given().header("Authorization", principal(pupil.uai())).get("/api/v1/pupils/" + pupil.id())
                .then().extract().<String>path("withoutPlacementSince"))).isEqualTo(cancelled);
    }

    @Test
    void anOlderStateArrivingLateIsIgnored() {
        Pupil pupil = newPupil();
        String application = UUID.randomUUID().toString();
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        producer().send(application, pupil.id(), pupil.uai(), "CONFIRMED", t.plusSeconds(10));
        awaitPlacement(pupil, "CONFIRMED");
        String late = producer().send(application, pupil.id(), pupil.uai(), "SUBMITTED", t);
        awaitProcessed(late);
        awaitPlacement(pupil, "CONFIRMED");
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        Pupil pupil = newPupil();
        String application = UUID.randomUUID().toString();
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String submitted = UUID.randomUUID().toString();
        producer().send(submitted, application, pupil.id(), pupil.uai(), "SUBMITTED", t);
        awaitPlacement(pupil, "APPLIED");
        String cancelled = producer().send(application, pupil.id(), pupil.uai(), "CANCELLED", t.plusSeconds(1));
        awaitPlacement(pupil, "NO_APPLICATION");
        int version = given().header("Authorization", principal(pupil.uai())).get("/api/v1/pupils/" + pupil.id())
                .then().extract().path("version");

        // the same event again, and the same event id even with a later time: already applied, nothing moves
        producer().send(cancelled, application, pupil.id(), pupil.uai(), "CANCELLED", t.plusSeconds(1));
        producer().send(submitted, application, pupil.id(), pupil.uai(), "SUBMITTED", t.plusSeconds(60));
        String marker = producer().send(UUID.randomUUID().toString(), pupil.id(), pupil.uai(), "REJECTED", t);
        awaitProcessed(marker);
        given().header("Authorization", principal(pupil.uai())).get("/api/v1/pupils/" + pupil.id())
                .then().body("placement", equalTo("NO_APPLICATION")).body("version", is(version));
        assertThat(count("SELECT count(*) FROM processed_event WHERE event_id = ?", submitted)).isEqualTo(1);
    }

    @Test
    void anEventForAnErasedPupilIsIgnored() {
        Pupil pupil = newPupil();
        given().header("Authorization", principal(pupil.uai())).delete("/api/v1/pupils/" + pupil.id())
                .then().statusCode(204);
        String event = producer().send(UUID.randomUUID().toString(), pupil.id(), pupil.uai(), "SUBMITTED", Instant.now());
        awaitProcessed(event);
        assertThat(count("SELECT count(*) FROM pupil_application WHERE pupil_id = ?::uuid", pupil.id())).isZero();
        assertThat(count("SELECT count(*) FROM pupil WHERE id = ?::uuid", pupil.id())).isZero();
        given().header("Authorization", principal(pupil.uai())).get("/api/v1/pupils/" + pupil.id()).then().statusCode(404);
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
        Pupil pupil = newPupil();
        try (KafkaTestConsumer dlq = KafkaTestConsumer.fromNow("tremplin.applications.v1.dlq")) {
            String poison = UUID.randomUUID().toString();
            producer().sendRaw(poison, "application.submitted", "key", "{\"pupilId\": \"not-a-uuid\", "
                    + "\"applicationId\": \"x\", \"state\": \"SUBMITTED\"}", Instant.now());
            producer().sendRaw(UUID.randomUUID().toString(), "application.submitted", "key", "not json", Instant.now());
            dlq.awaitRecord(r -> poison.equals(header(r, "ce_id")), Duration.ofSeconds(30));
        }
        producer().send(UUID.randomUUID().toString(), pupil.id(), pupil.uai(), "SUBMITTED", Instant.now());
        awaitPlacement(pupil, "APPLIED");
    }

    @Test
    void pupilsWithoutAPlacementComeLongestWaitFirstAndTheBassinSeesTheWeekLoad() {
        String uai = school("059", "59", "REP_PLUS");
        String classId = classOf(uai, "3e A", currentYear());
        String waitingLongest = pupil(uai, classId, "Anna", "Aubert");
        String placed = pupil(uai, classId, "Bruno", "Bailly");
        String waitingLess = pupil(uai, classId, "Carla", "Carré");
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        producer().send(UUID.randomUUID().toString(), placed, uai, "CONFIRMED", t);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", principal(uai)).get("/api/v1/classes/" + classId + "/pupils-without-placement")
                        .then().body("items.pupilId", contains(waitingLongest, waitingLess))
                        .body("items[0].firstName", equalTo("Anna")).body("items[0].daysWithoutPlacement", is(0)));

        String bassinId = "lille-" + uai.toLowerCase();
        SchoolFixtures.bassin(bassinId, "lille", "59", uai);
        int start = Integer.parseInt(currentYear().substring(0, 4));
        given().header("Authorization", principal(uai)).contentType("application/json")
                .body(Map.of("schoolYear", currentYear(), "weeks", List.of((start + 1) + "-W05", (start + 1) + "-W06")))
                .put("/api/v1/schools/" + uai + "/weeks").then().statusCode(200);
        String week5 = (start + 1) + "-W05";
        String week6 = (start + 1) + "-W06";
        given().header("Authorization", SchoolFixtures.bassinCoordinator(bassinId)).get("/api/v1/bassins/" + bassinId + "/overview")
                .then().statusCode(200)
                .body("totals.pupils", is(3)).body("totals.placed", is(1)).body("totals.withoutApplication", is(2))
                .body("weeks.week", contains(week5, week6))
                .body("weeks[0].schools", contains(uai))
                .body("weeks[0].pupilsDue", is(3)).body("weeks[0].securedInternships", is(1))
                .body("weeks[1].pupilsDue", is(3)).body("weeks[1].securedInternships", is(0));
        // the declared 3e count, when there is one, is what is due
        given().header("Authorization", principal(uai)).contentType("application/json")
                .body(Map.of("thirdYearPupils", 96)).patch("/api/v1/schools/" + uai).then().statusCode(200);
        given().header("Authorization", SchoolFixtures.bassinCoordinator(bassinId)).get("/api/v1/bassins/" + bassinId + "/overview")
                .then().body("weeks[0].pupilsDue", is(96));
    }

    private long count(String sql, String parameter) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
