package fr.tremplin.schools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tremplin.common.events.Topics;
import fr.tremplin.testing.KafkaTestConsumer;
import fr.tremplin.testing.events.EventContract;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fr.tremplin.schools.SchoolFixtures.admin;
import static fr.tremplin.schools.SchoolFixtures.currentYear;
import static fr.tremplin.schools.SchoolFixtures.newUai;
import static fr.tremplin.schools.SchoolFixtures.principal;
import static fr.tremplin.testing.KafkaTestConsumer.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** school.registered and school.updated: emitted when a school appears or changes, and only then. */
@QuarkusTest
class SchoolEventsTest {

    @Inject
    ObjectMapper mapper;
    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static Map<String, Object> school(String priority) {
        Map<String, Object> school = new HashMap<>();
        school.put("name", "Collège Albert Camus");
        school.put("city", "Ajaccio");
        school.put("department", "2A");
        school.put("priority", priority);
        return school;
    }

    @Test
    void aSchoolRegisteredByHandThenChangedEmitsOnceEach() throws Exception {
        String uai = newUai("620");
        try (KafkaTestConsumer consumer = KafkaTestConsumer.fromNow(Topics.SCHOOLS)) {
            given().header("Authorization", admin()).contentType(ContentType.JSON).body(school("NONE"))
                    .put("/api/v1/admin/schools/" + uai).then().statusCode(201)
                    .body("department", equalTo("2A")).body("academy", equalTo("corse"));
            given().header("Authorization", admin()).contentType(ContentType.JSON).body(school("NONE"))
                    .put("/api/v1/admin/schools/" + uai).then().statusCode(200);
            given().header("Authorization", admin()).contentType(ContentType.JSON).body(school("REP"))
                    .put("/api/v1/admin/schools/" + uai).then().statusCode(200);
            consumer.awaitRecord(r -> uai.equals(r.key()) && "school.updated".equals(header(r, "ce_type")),
                    Duration.ofSeconds(20));
            List<ConsumerRecord<String, String>> records = consumer.drain(Duration.ofMillis(500)).stream()
                    .filter(r -> uai.equals(r.key())).toList();
            assertThat(records).extracting(r -> header(r, "ce_type")).containsExactly("school.registered", "school.updated");
            records.forEach(EventContract.load()::check); // as OutboxRelay sent them: docs/events
            JsonNode updated = mapper.readTree(records.get(1).value());
            assertThat(updated.get("priority").asText()).isEqualTo("REP");
            assertThat(updated.get("department").asText()).isEqualTo("2A");
            assertThat(updated.get("academy").asText()).isEqualTo("Corse");
        }
    }

    @Test
    void declaringWeeksEmitsSchoolUpdatedWithTheWeeksOnlyWhenTheyChange() throws Exception {
        String uai = SchoolFixtures.school("059", "59", "REP_PLUS");
        int start = Integer.parseInt(currentYear().substring(0, 4));
        List<String> weeks = List.of((start + 1) + "-W06", (start + 1) + "-W05");
        try (KafkaTestConsumer consumer = KafkaTestConsumer.fromNow(Topics.SCHOOLS)) {
            for (int i = 0; i < 2; i++) {
                given().header("Authorization", principal(uai)).contentType(ContentType.JSON)
                        .body(Map.of("schoolYear", currentYear(), "weeks", weeks))
                        .put("/api/v1/schools/" + uai + "/weeks").then().statusCode(200)
                        .body("declaredWeeks", hasSize(2)).body("declaredWeeks[0].week", equalTo((start + 1) + "-W05"));
            }
            // (the school's own school.registered may reach the broker after this consumer started)
            ConsumerRecord<String, String> record = consumer.awaitRecord(r -> uai.equals(r.key())
                    && "school.updated".equals(header(r, "ce_type")), Duration.ofSeconds(20));
            JsonNode payload = mapper.readTree(record.value());
            assertThat(payload.get("declaredWeeks")).extracting(JsonNode::asText)
                    .containsExactly((start + 1) + "-W05", (start + 1) + "-W06");
            assertThat(payload.get("priority").asText()).isEqualTo("REP_PLUS");
            assertThat(consumer.drain(Duration.ofSeconds(1)).stream().filter(r -> uai.equals(r.key())
                    && "school.updated".equals(header(r, "ce_type")))).hasSize(1);
        }
    }

    @Test
    void weeksOutsideTheSchoolYearAreRefused() {
        String uai = SchoolFixtures.school("059", "59", "REP");
        int start = Integer.parseInt(currentYear().substring(0, 4));
        given().header("Authorization", principal(uai)).contentType(ContentType.JSON)
                .body(Map.of("schoolYear", currentYear(), "weeks", List.of((start + 1) + "-W30")))
                .put("/api/v1/schools/" + uai + "/weeks").then().statusCode(422)
                .body("violations[0].field", equalTo("weeks[0]"));
        given().header("Authorization", principal(uai)).contentType(ContentType.JSON)
                .body(Map.of("schoolYear", currentYear(), "weeks", List.of("2027-W5")))
                .put("/api/v1/schools/" + uai + "/weeks").then().statusCode(400);
        given().header("Authorization", principal(uai)).contentType(ContentType.JSON)
                .body(Map.of("schoolYear", "2019-2020", "weeks", List.of("2020-W05")))
                .put("/api/v1/schools/" + uai + "/weeks").then().statusCode(422)
                .body("violations[0].field", equalTo("schoolYear"));
    }

    @Test
    void declaringTheThirdYearCountEmitsSchoolUpdatedWithItOnlyWhenItChanges() throws Exception {
        String uai = SchoolFixtures.school("063", "63", "REP_PLUS");
        assertThat(payloads(uai, "school.registered")).singleElement()
                .satisfies(p -> assertThat(p.get("thirdYearPupils").isNull()).isTrue());

        for (int count : new int[] {112, 112, 98}) {
            given().header("Authorization", principal(uai)).contentType(ContentType.JSON)
                    .body(Map.of("thirdYearPupils", count)).patch("/api/v1/schools/" + uai)
                    .then().statusCode(200).body("thirdYearPupils", equalTo(count));
        }

        // the same count declared twice emits once; each outbox row passes docs/events when the class ends
        assertThat(payloads(uai, "school.updated")).extracting(p -> p.get("thirdYearPupils").asInt())
                .containsExactly(112, 98);
        assertThat(payloads(uai, "school.updated")).allSatisfy(p -> assertThat(p.get("priority").asText())
                .isEqualTo("REP_PLUS"));
    }

    /** The payloads of the outbox rows of that type for that school, oldest first. */
    private List<JsonNode> payloads(String uai, String type) throws Exception {
        List<JsonNode> payloads = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT payload::text FROM outbox_event"
                     + " WHERE message_key = ? AND type = ? ORDER BY seq")) {
            select.setString(1, uai);
            select.setString(2, type);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    payloads.add(mapper.readTree(rs.getString(1)));
                }
            }
        }
        return payloads;
    }
}
