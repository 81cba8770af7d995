package fr.tremplin.schools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.tremplin.schools.SchoolFixtures.classOf;
import static fr.tremplin.schools.SchoolFixtures.currentYear;
import static fr.tremplin.schools.SchoolFixtures.leads;
import static fr.tremplin.schools.SchoolFixtures.principal;
import static fr.tremplin.schools.SchoolFixtures.school;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each class a main teacher starts or stops leading is published through the outbox, in the transaction of the
 * change ({@code class.main-teacher-assigned} / {@code -unassigned}, keyed by the UAI, the person by their token's
 * sub and nothing else): an assignment, a new list of classes, the membership's end, the class's deletion.
 */
@QuarkusTest
class MainTeacherEventsTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper mapper;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** One outbox row as the test reads it: type, key and payload. */
    record Row(String type, String key, JsonNode payload) {
        String event() {
            return type + " " + payload.get("classId").asText();
        }
    }

    private List<Row> rowsOf(String personId) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT type, message_key, topic, payload::text "
                     + "FROM outbox_event WHERE payload->>'personId' = ? ORDER BY seq")) {
            select.setString(1, personId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    assertThat(rs.getString(3)).isEqualTo("tremplin.schools.v1");
                    rows.add(new Row(rs.getString(1), rs.getString(2), mapper.readTree(rs.getString(4))));
                }
            }
        }
        return rows;
    }

    private static String staff(String uai, String personId, String role, List<String> classIds) {
        return given().header("Authorization", principal(uai)).contentType(ContentType.JSON)
                .body(Map.of("personId", personId, "role", role, "classIds", classIds))
                .post("/api/v1/schools/" + uai + "/staff").then().statusCode(org.hamcrest.Matchers.anyOf(
                        org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201))).extract().path("id");
    }

    @Test
    void assigningChangingAndEndingAMainTeachersClassesPublishesEachStartAndEnd() throws Exception {
        String uai = school("059", "59", "REP_PLUS");
        String classA = classOf(uai, "3e A", currentYear());
        String classB = classOf(uai, "3e B", currentYear());
        String teacher = UUID.randomUUID().toString();

        String membership = leads(uai, teacher, classA);
        List<Row> rows = rowsOf(teacher);
        assertThat(rows).extracting(Row::event).containsExactly("class.main-teacher-assigned " + classA);
        Row assigned = rows.get(0);
        assertThat(assigned.key()).isEqualTo(uai);
        assertThat(assigned.payload().properties()).extracting(Map.Entry::getKey)
                .as("the school, the class, the person's sub and the time: no name")
                .containsExactlyInAnyOrder("uai", "classId", "personId", "occurredAt");
        assertThat(assigned.payload().get("uai").asText()).isEqualTo(uai);

        staff(uai, teacher, "MAIN_TEACHER", List.of(classA, classB)); // the same list plus one: only the new one
        staff(uai, teacher, "MAIN_TEACHER", List.of(classB));         // A dropped
        assertThat(rowsOf(teacher)).extracting(Row::event).containsExactly(
                "class.main-teacher-assigned " + classA,
                "class.main-teacher-assigned " + classB,
                "class.main-teacher-unassigned " + classA);

        given().header("Authorization", principal(uai)).delete("/api/v1/schools/" + uai + "/staff/" + membership)
                .then().statusCode(204);
        assertThat(rowsOf(teacher)).extracting(Row::event).last().isEqualTo("class.main-teacher-unassigned " + classB);
    }

    @Test
    void deletingAClassEndsItsMainTeachersAssignmentAndOtherRolesPublishNothing() throws Exception {
        String uai = school("059", "59", "REP");
        String classC = classOf(uai, "3e C", currentYear());
        String classD = classOf(uai, "3e D", currentYear());
        String teacher = UUID.randomUUID().toString();
        leads(uai, teacher, classC, classD);

        given().header("Authorization", principal(uai)).delete("/api/v1/classes/" + classC).then().statusCode(204);
        assertThat(rowsOf(teacher)).extracting(Row::event).containsExactly(
                "class.main-teacher-assigned " + classC,
                "class.main-teacher-assigned " + classD,
                "class.main-teacher-unassigned " + classC);
        given().header("Authorization", principal(uai)).get("/api/v1/schools/" + uai + "/staff")
                .then().statusCode(200).body("items[0].classIds", org.hamcrest.Matchers.contains(classD));

        String colleague = UUID.randomUUID().toString();
        String membership = staff(uai, colleague, "TEACHER", List.of());
        given().header("Authorization", principal(uai)).delete("/api/v1/schools/" + uai + "/staff/" + membership)
                .then().statusCode(204);
        assertThat(rowsOf(colleague)).isEmpty();
    }

    @Test
    void theAssignmentsRecordedBeforeTheseEventsArePublishedOnceByTheMigration() throws Exception {
        String uai = school("059", "59", "NONE");
        String classE = classOf(uai, "3e E", currentYear());
        String teacher = UUID.randomUUID().toString();
        leads(uai, teacher, classE);
        String backfill;
        try (InputStream sql = getClass().getClassLoader()
                .getResourceAsStream("db/migration/V4__main_teacher_assignments_published.sql")) {
            backfill = new String(sql.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM outbox_event WHERE payload->>'personId' = '" + teacher + "'");
            statement.executeUpdate(backfill);
        }
        List<Row> rows = rowsOf(teacher);
        assertThat(rows).extracting(Row::event).containsExactly("class.main-teacher-assigned " + classE);
        assertThat(rows.get(0).key()).isEqualTo(uai);
        assertThat(rows.get(0).payload().properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("uai", "classId", "personId", "occurredAt");
        assertThat(java.time.Instant.parse(rows.get(0).payload().get("occurredAt").asText())).isNotNull();
    }
}
