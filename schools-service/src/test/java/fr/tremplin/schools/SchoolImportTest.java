package fr.tremplin.schools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tremplin.common.events.Topics;
import fr.tremplin.common.territory.DepartmentCode;
import fr.tremplin.testing.KafkaTestConsumer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fr.tremplin.schools.SchoolFixtures.admin;
import static fr.tremplin.testing.KafkaTestConsumer.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/** The import of the real open-data files (the repository's data/ folder), their quirks, and its idempotence. */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchoolImportTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper mapper;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    @Order(1)
    void theRealFilesLoadEveryPriorityCollegeAndReportEachMalformedRow() throws Exception {
        JsonPath report;
        try (KafkaTestConsumer consumer = KafkaTestConsumer.fromNow(Topics.SCHOOLS)) {
            report = given().header("Authorization", admin()).post("/api/v1/admin/schools/import")
                    .then().statusCode(200).extract().jsonPath();

            ConsumerRecord<String, String> registered = consumer.awaitRecord(r -> "0010035H".equals(r.key()),
                    Duration.ofSeconds(30));
            assertThat(header(registered, "ce_type")).isEqualTo("school.registered");
            assertThat(header(registered, "ce_source")).isEqualTo("/tremplin/schools-service");
            assertThat(header(registered, "ce_subject")).isEqualTo("schools/0010035H");
            assertThat(header(registered, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(registered, "ce_id")).isNotBlank();
            assertThat(header(registered, "ce_time")).isNotBlank();
            JsonNode payload = mapper.readTree(registered.value());
            assertThat(payload.get("uai").asText()).isEqualTo("0010035H");
            assertThat(payload.get("priority").asText()).isEqualTo("REP_PLUS");
            assertThat(payload.get("department").asText()).isEqualTo("01");
            assertThat(payload.get("academy").asText()).isEqualTo("Lyon");
            assertThat(payload.get("declaredWeeks").isArray()).isTrue();
        }

        assertThat(report.getInt("repRows")).isEqualTo(1092);
        assertThat(report.getInt("geoRows")).isEqualTo(1194);
        // 1,092 priority collèges + 113 other collèges of the geolocation file (its 4 malformed rows aside)
        assertThat(report.getInt("created")).isEqualTo(1205);
        List<Map<String, Object>> rejected = report.getList("rejected");
        assertThat(rejected).extracting(r -> r.get("file")).containsOnly("colleges-geo.csv");
        assertThat(rejected).extracting(r -> r.get("line")).containsExactly(15, 342, 504, 558);
        assertThat(rejected).extracting(r -> (String) r.get("reason")).containsExactly(
                "malformed UAI '002007X'", "malformed UAI '04770677F'", "malformed UAI '06100057F'",
                "malformed UAI '065 0740B'");
        assertThat(report.getList("withoutCoordinates", String.class)).hasSize(15)
                .contains("0020007X", "0470677F", "0610057F", "9711087E");

        given().get("/api/v1/schools?priority=REP_PLUS&size=1").then().body("totalItems", is(361));
        given().get("/api/v1/schools?priority=REP&size=1").then().body("totalItems", is(731));
        given().get("/api/v1/schools?priority=NONE&size=1").then().body("totalItems", is(113));
        assertThat(count("SELECT count(*) FROM school WHERE priority <> 'NONE' AND latitude IS NOT NULL")).isEqualTo(1077);
        assertThat(count("SELECT count(*) FROM school WHERE priority <> 'NONE' AND latitude IS NULL")).isEqualTo(15);
    }

    @Test
    @Order(2)
    void namesDepartmentsAndCoordinatesComeOutRight() {
        importOnce();
        given().get("/api/v1/schools/0010035H").then().statusCode(200)
                .body("name", equalTo("Louis Lumière")).body("city", equalTo("Oyonnax"))
                .body("zipcode", equalTo("01100")).body("department", equalTo("01"))
                .body("departmentName", equalTo("Ain")).body("academy", equalTo("lyon"))
                .body("academyName", equalTo("Lyon")).body("priority", equalTo("REP_PLUS"))
                .body("latitude", equalTo(46.2668f)).body("longitude", equalTo(5.6302f));
        // no geolocation row: the capitals of the REP list made readable, no coordinates
        given().get("/api/v1/schools/0470677F").then()
                .body("name", equalTo("Ducos du Hauron")).body("city", equalTo("Agen"))
                .body("latitude", nullValue()).body("zipcode", nullValue()).body("priority", equalTo("REP"));
        given().get("/api/v1/schools/9711087E").then()
                .body("name", equalTo("Quartier d'Orleans")).body("department", equalTo("971"))
                .body("academy", equalTo("guadeloupe"));
        // Corsica is 2A / 2B, whatever the file wrote (02A)
        given().get("/api/v1/schools?department=2A&size=100").then().body("totalItems", is(6))
                .body("items.department", everyItem(equalTo("2A")));
        given().get("/api/v1/schools?department=02B&size=100").then().body("totalItems", is(5));
        given().get("/api/v1/schools?department=1&size=100").then().body("totalItems", is(4));
        given().get("/api/v1/schools?department=974&priority=REP_PLUS&size=1").then().statusCode(200);
        given().get("/api/v1/schools?academy=LA REUNION&size=1").then().body("totalItems", is(45));
        // the name search ignores accents and case
        given().get("/api/v1/schools?name=louis lumiere&department=01").then()
                .body("items.uai", hasItem("0010035H"));
        // a collège only in the geolocation file: priority NONE, département from its UAI
        given().get("/api/v1/schools/0310007M").then().body("priority", equalTo("NONE"))
                .body("department", equalTo("31"));
    }

    @Test
    @Order(3)
    void aSecondRunChangesNothingAndEmitsNothing() throws Exception {
        importOnce();
        await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL") == 0);
        long events = count("SELECT count(*) FROM outbox_event");
        String lastChange = text("SELECT max(updated_at)::text || ' ' || sum(version) FROM school");
        try (KafkaTestConsumer consumer = KafkaTestConsumer.fromNow(Topics.SCHOOLS)) {
            given().header("Authorization", admin()).post("/api/v1/admin/schools/import").then().statusCode(200)
                    .body("created", is(0)).body("updated", is(0)).body("unchanged", is(1205))
                    .body("rejected.size()", is(4));
            assertThat(consumer.drain(Duration.ofSeconds(3))).isEmpty();
        }
        assertThat(count("SELECT count(*) FROM outbox_event")).isEqualTo(events);
        assertThat(text("SELECT max(updated_at)::text || ' ' || sum(version) FROM school")).isEqualTo(lastChange);
    }

    @Test
    @Order(4)
    void anUploadedPairFollowsTheSameRules() {
        String rep = "academy,department_code,department,city,uai,name,priority\r\n"
                + "LILLE,59,NORD,ROUBAIX,0599901A,JEAN JAURES,REP+\r\n"
                + "LILLE,59,NORD,ROUBAIX,59999,MAUVAIS,REP\r\n"
                + "LILLE,99,NOWHERE,ROUBAIX,0599902B,SANS DEPARTEMENT,REP\r\n"
                + "LILLE,59,NORD,ROUBAIX,0599903C,SANS PRIORITE,AUCUNE\r\n";
        String geo = "uai,name,city,zipcode,department,latitude,longitude\r\n"
                + "0599901A,Jean Jaurès,Roubaix,59100,Nord,50.69,3.18\r\n"
                + "0599904D,Albert Camus,Tourcoing,59200,Nord,north,3.16\r\n"
                + "59 9905E,Cassé,Lille,59000,Nord,50.6,3.0\r\n";
        JsonPath report = given().header("Authorization", admin())
                .multiPart("rep", "rep.csv", rep.getBytes(StandardCharsets.UTF_8), "text/csv")
                .multiPart("geo", "geo.csv", geo.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/admin/schools/import").then().statusCode(200).extract().jsonPath();
        assertThat(report.getString("source")).isEqualTo("upload");
        assertThat(report.getInt("created")).isEqualTo(2);
        assertThat(report.getList("rejected.reason", String.class)).containsExactly(
                "malformed UAI '59999'", "unknown département code '99'", "priority must be REP or REP+, not 'AUCUNE'",
                "malformed UAI '59 9905E'");
        assertThat(report.getList("rejected.line", Integer.class)).containsExactly(3, 4, 5, 4);
        assertThat(report.getList("warnings.reason", String.class))
                .anyMatch(reason -> reason.contains("unusable; loaded without coordinates"));
        given().get("/api/v1/schools/0599901A").then().body("name", equalTo("Jean Jaurès"))
                .body("priority", equalTo("REP_PLUS"));
        given().get("/api/v1/schools/0599904D").then().body("priority", equalTo("NONE")).body("latitude", nullValue());

        given().header("Authorization", admin()).multiPart("rep", "rep.csv", "uai\r\n0599901A\r\n".getBytes(), "text/csv")
                .multiPart("geo", "geo.csv", geo.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/v1/admin/schools/import").then().statusCode(422).contentType("application/problem+json");
        given().header("Authorization", admin()).multiPart("rep", "rep.csv", rep.getBytes(), "text/csv")
                .post("/api/v1/admin/schools/import").then().statusCode(400);
    }

    @Test
    @Order(5)
    void defaultBassinsGroupTheLooseSchoolsOfEachDepartmentOnce() {
        importOnce();
        JsonPath report = given().header("Authorization", admin()).post("/api/v1/admin/schools/import?defaultBassins=true")
                .then().statusCode(200).extract().jsonPath();
        assertThat(report.getList("bassinsCreated", String.class)).contains("dep-59", "dep-2a", "dep-974");
        int nord = given().get("/api/v1/schools?department=59&size=1").then().extract().path("totalItems");
        given().get("/api/v1/bassins/dep-59").then().body("name", equalTo("Pôle de stages Nord"))
                .body("academy", equalTo("lille")).body("schools", is(nord));
        given().get("/api/v1/schools/0010035H").then().body("bassin", equalTo("dep-01"));
        given().header("Authorization", admin()).post("/api/v1/admin/schools/import?defaultBassins=true")
                .then().statusCode(200).body("bassinsCreated.size()", is(0)).body("updated", is(0));
    }

    @Test
    @Order(6)
    void onlyAnAdminImportsWhateverTheEmptyBodySays() {
        given().header("Authorization", admin()).contentType("application/json").body("{}")
                .post("/api/v1/admin/schools/import").then().statusCode(200).body("created", is(0));
        given().post("/api/v1/admin/schools/import").then().statusCode(401);
        given().header("Authorization", SchoolFixtures.principal("0010035H")).post("/api/v1/admin/schools/import")
                .then().statusCode(403).contentType("application/problem+json");
    }

    /**
     * Corsica end to end: {@code rep-colleges-2022.csv} writes 02A / 02B and the UAIs start with 620 (Corse-du-Sud)
     * and 720 (Haute-Corse); the real import stores 2A / 2B, the listing's département filter finds them, and the
     * département each UAI encodes is the one stored.
     */
    @Test
    @Order(7)
    void corsicanCollegesAreStoredAs2AOr2BAndFoundByTheirDepartement() throws Exception {
        importOnce();
        given().get("/api/v1/schools/6200006M").then().statusCode(200)
                .body("name", equalTo("Arthur Giovoni")).body("department", equalTo("2A"))
                .body("departmentName", equalTo("Corse-du-Sud")).body("academy", equalTo("corse"));
        given().get("/api/v1/schools/7200012A").then().statusCode(200)
                .body("department", equalTo("2B")).body("departmentName", equalTo("Haute-Corse"))
                .body("priority", equalTo("REP_PLUS"));

        Map<String, String> listed = new HashMap<>();
        for (String department : List.of("2A", "2B")) {
            List<Map<String, Object>> items = given().get("/api/v1/schools?department=" + department + "&size=100")
                    .then().statusCode(200).extract().jsonPath().getList("items");
            items.forEach(school -> listed.put((String) school.get("uai"), (String) school.get("department")));
        }
        assertThat(listed).containsEntry("6200006M", "2A").containsEntry("6200697N", "2A")
                .containsEntry("7200012A", "2B").containsEntry("7200160L", "2B");
        // every Corsican collège stored, by its UAI or by its département, is listed under the département its UAI encodes
        Map<String, String> stored = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT uai, department_code FROM school "
                     + "WHERE left(uai, 3) IN ('620', '720') OR department_code IN ('2A', '2B')")) {
            while (rs.next()) {
                stored.put(rs.getString(1), rs.getString(2));
            }
        }
        assertThat(stored).isEqualTo(listed);
        stored.forEach((uai, department) -> assertThat(DepartmentCode.ofUai(uai)).as(uai).contains(department));
    }

    private void importOnce() {
        given().header("Authorization", admin()).post("/api/v1/admin/schools/import").then().statusCode(200);
    }

    private long count(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String text(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
