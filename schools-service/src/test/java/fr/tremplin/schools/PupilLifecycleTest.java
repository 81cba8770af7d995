package fr.tremplin.schools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tremplin.common.events.Topics;
import fr.tremplin.common.calendar.SchoolCalendar;
import fr.tremplin.testing.KafkaTestConsumer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static fr.tremplin.schools.SchoolFixtures.admin;
import static fr.tremplin.schools.SchoolFixtures.classOf;
import static fr.tremplin.schools.SchoolFixtures.currentYear;
import static fr.tremplin.schools.SchoolFixtures.principal;
import static fr.tremplin.schools.SchoolFixtures.pupil;
import static fr.tremplin.schools.SchoolFixtures.school;
import static fr.tremplin.testing.KafkaTestConsumer.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

/** A pupil's life: enrolment, corrections, a move, erasure, and the school-year rollover; the events they emit. */
@QuarkusTest
class PupilLifecycleTest {

    @Inject
    ObjectMapper mapper;
    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void enrolmentEmitsPupilEnrolledWithoutTheName() throws Exception {
        String uai = school("059", "59", "REP_PLUS");
        String classId = classOf(uai, "3e A", currentYear());
        try (KafkaTestConsumer consumer = KafkaTestConsumer.fromNow(Topics.SCHOOLS)) {
            String id = given().header("Authorization", principal(uai)).contentType(ContentType.JSON)
                    .body(Map.of("firstName", "  Chloé ", "lastName", "Dubois-Lemaire", "gender", "F"))
                    .post("/api/v1/classes/" + classId + "/pupils")
                    .then().statusCode(201).header("Location", containsString("/api/v1/pupils/"))
                    .body("firstName", equalTo("Chloé")).extract().path("id");
            ConsumerRecord<String, String> record = consumer.awaitRecord(r -> r.value().contains(id), Duration.ofSeconds(20));
            assertThat(header(record, "ce_type")).isEqualTo("pupil.enrolled");
            assertThat(header(record, "ce_source")).isEqualTo("/tremplin/schools-service");
            assertThat(header(record, "ce_subject")).isEqualTo("schools/" + uai + "/pupils/" + id);
            assertThat(header(record, "content-type")).isEqualTo("application/json");
            assertThat(record.key()).isEqualTo(uai);
            JsonNode payload = mapper.readTree(record.value());
            assertThat(payload.get("pupilId").asText()).isEqualTo(id);
            assertThat(payload.get("uai").asText()).isEqualTo(uai);
            assertThat(payload.get("priority").asText()).isEqualTo("REP_PLUS");
            assertThat(payload.get("classId").asText()).isEqualTo(classId);
            assertThat(payload.get("schoolYear").asText()).isEqualTo(currentYear());
            assertThat(payload.has("occurredAt")).isTrue();
            assertThat(record.value()).doesNotContain("Chlo", "Dubois", "Lemaire");
            assertThat(record.headers().toArray()).allSatisfy(h -> assertThat(new String(h.value())).doesNotContain("Dubois"));
        }
    }

    @Test
    void namesAreCheckedAndANamesakeInTheClassIsAConflict() {
        String uai = school("059", "59", "REP");
        String classId = classOf(uai, "3e A", currentYear());
        pupil(uai, classId, "Lucas", "Moreau");
        given().header("Authorization", principal(uai)).contentType(ContentType.JSON)
                .body(Map.of("firstName", "LUCAS", "lastName", "moreau"))
                .post("/api/v1/classes/" + classId + "/pupils").then().statusCode(409);
        given().header("Authorization", principal(uai)).contentType(ContentType.JSON)
                .body(Map.of("firstName", "R2D2", "lastName", "Moreau"))
                .post("/api/v1/classes/" + classId + "/pupils").then().statusCode(400)
                .body("violations[0].field", equalTo("firstName"));
        given().header("Authorization", principal(uai)).contentType(ContentType.JSON)
                .body(Map.of("lastName", "Moreau"))
                .post("/api/v1/classes/" + classId + "/pupils").then().statusCode(400)
                .body("violations[0].field", equalTo("firstName"));
        given().header("Authorization", principal(uai)).contentType(ContentType.JSON)
                .body(Map.of("firstName", "Léo", "lastName", "Moreau", "gender", "Z"))
                .post("/api/v1/classes/" + classId + "/pupils").then().statusCode(400)
                .body("violations[0].field", equalTo("gender"));
        given().header("Authorization", principal(uai)).contentType(ContentType.JSON)
                .body(Map.of("firstName", "Léo", "lastName", "Moreau", "birthDate", "2012-01-01"))
                .post("/api/v1/classes/" + classId + "/pupils").then().statusCode(400);
    }

    @Test
    void theSamePupilSentFiveTimesAtOnceIsEnrolledOnce() throws Exception {
        String uai = school("059", "59", "REP");
        String classId = classOf(uai, "3e A", currentYear());
        String token = principal(uai);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                answers.add(pool.submit(() -> given().header("Authorization", token).contentType(ContentType.JSON)
                        .body(Map.of("firstName", "Maël", "lastName", "Perrin"))
                        .post("/api/v1/classes/" + classId + "/pupils").then().extract().statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(30, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsOnly(201, 409).filteredOn(status -> status == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        given().header("Authorization", token).get("/api/v1/classes/" + classId + "/pupils").then().body("totalItems", is(1));
    }

    @Test
    void aMoveEmitsPupilUpdatedAndEditsNeedTheVersion() throws Exception {
        String uai = school("059", "59", "REP");
        String classA = classOf(uai, "3e A", currentYear());
        String classB = classOf(uai, "3e B", currentYear());
        String id = pupil(uai, classA, "Emma", "Roux");
        given().header("Authorization", principal(uai)).contentType(ContentType.JSON)
                .body(Map.of("firstName", "Emma", "lastName", "Roux-Blanc"))
                .put("/api/v1/pupils/" + id).then().statusCode(428);
        given().header("Authorization", principal(uai)).contentType(ContentType.JSON)
                .body(Map.of("firstName", "Emma", "lastName", "Roux-Blanc", "version", 0))
                .put("/api/v1/pupils/" + id).then().statusCode(200).body("version", is(1));
        given().header("Authorization", principal(uai)).contentType(ContentType.JSON)
                .body(Map.of("firstName", "Emma", "lastName", "Roux", "version", 0))
                .put("/api/v1/pupils/" + id).then().statusCode(409);
        try (KafkaTestConsumer consumer = KafkaTestConsumer.fromNow(Topics.SCHOOLS)) {
            given().header("Authorization", principal(uai)).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                    .body(Map.of("firstName", "Emma", "lastName", "Roux-Blanc", "classId", classB))
                    .put("/api/v1/pupils/" + id).then().statusCode(200).body("className", equalTo("3e B"));
            ConsumerRecord<String, String> record = consumer.awaitRecord(
                    r -> "pupil.updated".equals(header(r, "ce_type")) && r.value().contains(id), Duration.ofSeconds(20));
            assertThat(mapper.readTree(record.value()).get("classId").asText()).isEqualTo(classB);
            assertThat(record.value()).doesNotContain("Emma", "Roux");
        }
        String otherYear = classOf(uai, "3e A", SchoolCalendar.shift(currentYear(), 1));
        given().header("Authorization", principal(uai)).header("If-Match", "\"2\"").contentType(ContentType.JSON)
                .body(Map.of("firstName", "Emma", "lastName", "Roux-Blanc", "classId", otherYear))
                .put("/api/v1/pupils/" + id).then().statusCode(422);
    }

    @Test
    void erasureRemovesThePersonalDataForGoodAndKeepsACount() throws Exception {
        String uai = school("059", "59", "REP_PLUS");
        String classId = classOf(uai, "3e A", currentYear());
        String id = pupil(uai, classId, "Zoé", "Garnier");
        pupil(uai, classId, "Hugo", "Faure");
        given().header("Authorization", principal(uai)).get("/api/v1/schools/" + uai + "/placement-summary")
                .then().body("pupils", is(2));
        try (KafkaTestConsumer consumer = KafkaTestConsumer.fromNow(Topics.SCHOOLS)) {
            given().header("Authorization", principal(uai)).delete("/api/v1/pupils/" + id).then().statusCode(204);
            ConsumerRecord<String, String> record = consumer.awaitRecord(
                    r -> "pupil.erased".equals(header(r, "ce_type")) && r.value().contains(id), Duration.ofSeconds(20));
            JsonNode payload = mapper.readTree(record.value());
            assertThat(payload.get("uai").asText()).isEqualTo(uai);
            assertThat(payload.get("priority").asText()).isEqualTo("REP_PLUS");
            assertThat(record.value()).doesNotContain("Zoé", "Garnier");
        }
        given().header("Authorization", principal(uai)).get("/api/v1/pupils/" + id).then().statusCode(404);
        given().header("Authorization", principal(uai)).delete("/api/v1/pupils/" + id).then().statusCode(404);
        assertThat(count("SELECT count(*) FROM pupil WHERE id = ?::uuid", id)).isZero();
        assertThat(count("SELECT count(*) FROM pupil WHERE last_name = ?", "Garnier")).isZero();
        assertThat(count("SELECT count(*) FROM audit_log WHERE detail LIKE ?", "%Garnier%")).isZero();
        // the school's figures still count the erased pupil, anonymously
        given().header("Authorization", principal(uai)).get("/api/v1/schools/" + uai + "/placement-summary")
                .then().body("pupils", is(2)).body("withoutApplication", is(2));
        given().header("Authorization", principal(uai)).get("/api/v1/schools/" + uai + "/pupils")
                .then().body("totalItems", is(1));
        // an admin erases too
        String another = pupil(uai, classId, "Nina", "Lambert");
        given().header("Authorization", admin()).delete("/api/v1/pupils/" + another).then().statusCode(204);
    }

    @Test
    void theRolloverAnonymisesTheEndedSchoolYearOnly() throws Exception {
        String uai = school("059", "59", "REP");
        String lastYear = SchoolCalendar.shift(currentYear(), -1);
        String oldClass = classOf(uai, "3e A", lastYear);
        String currentClass = classOf(uai, "3e A", currentYear());
        String old1 = pupil(uai, oldClass, "Jules", "Mercier");
        pupil(uai, oldClass, "Rose", "Girard");
        String current = pupil(uai, currentClass, "Adam", "Bonnet");

        given().header("Authorization", admin()).post("/api/v1/admin/schools/school-years/" + currentYear() + "/rollover")
                .then().statusCode(422);
        given().header("Authorization", admin()).post("/api/v1/admin/schools/school-years/2026-2028/rollover")
                .then().statusCode(400);
        given().header("Authorization", principal(uai)).post("/api/v1/admin/schools/school-years/" + lastYear + "/rollover")
                .then().statusCode(403);
        try (KafkaTestConsumer consumer = KafkaTestConsumer.fromNow(Topics.SCHOOLS)) {
            given().header("Authorization", admin()).post("/api/v1/admin/schools/school-years/" + lastYear + "/rollover")
                    .then().statusCode(200).body("pupilsAnonymised", is(2)).body("schoolYear", equalTo(lastYear));
            consumer.awaitRecord(r -> "pupil.erased".equals(header(r, "ce_type")) && r.value().contains(old1),
                    Duration.ofSeconds(20));
        }
        given().header("Authorization", admin()).post("/api/v1/admin/schools/school-years/" + lastYear + "/rollover")
                .then().statusCode(200).body("pupilsAnonymised", is(0));
        given().header("Authorization", admin()).get("/api/v1/pupils/" + old1).then().statusCode(404);
        given().header("Authorization", admin()).get("/api/v1/pupils/" + current).then().statusCode(200)
                .body("id", notNullValue());
        assertThat(count("SELECT count(*) FROM pupil WHERE school_year = ?", lastYear)).isZero();
        given().header("Authorization", admin()).get("/api/v1/schools/" + uai + "/placement-summary?schoolYear=" + lastYear)
                .then().body("pupils", is(2)).body("withoutApplication", is(2));
    }

    private long count(String sql, String parameter) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
