package fr.tremplin.applications;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.tremplin.applications.Cohorts.plan;
import static fr.tremplin.applications.Fixtures.W05;
import static fr.tremplin.applications.Fixtures.admin;
import static fr.tremplin.applications.Fixtures.host;
import static fr.tremplin.applications.Fixtures.principal;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Issue 13: a programme's tutors per service, their visits balanced by the week plans, attached to agreements. */
@QuarkusTest
class TutorTest {

    private static final List<List<String>> FIVE_SCHOOLS_F_AND_M = List.of(List.of("F", "M"), List.of("F", "M"),
            List.of("F", "M"), List.of("F", "M"), List.of("F", "M"));

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static ValidatableResponse addTutor(String bearer, UUID programmeId, String serviceId, String name) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON)
                .body(tutor(serviceId, name, true))
                .post("/api/v1/programmes/" + programmeId + "/tutors").then();
    }

    private static Map<String, Object> tutor(String serviceId, String name, boolean active) {
        Map<String, Object> body = new HashMap<>();
        body.put("serviceId", serviceId);
        body.put("name", name);
        body.put("email", name.toLowerCase().replace(' ', '.') + "@clermont.example");
        body.put("phone", "04 73 42 63 63");
        body.put("active", active);
        return body;
    }

    private static ValidatableResponse tutors(String bearer, UUID programmeId, String query) {
        return given().header("Authorization", bearer).get("/api/v1/programmes/" + programmeId + "/tutors" + query)
                .then();
    }

    @Test
    void theHostManagesItsTutorsWithVersions() {
        Fixtures.Offer programme = Fixtures.programme("63", 5, false,
                List.of(Fixtures.schoolWithThirdYears("63", "cournon", "NONE", 10)), W05);
        String hostBearer = programme.hostBearer();
        String id = addTutor(hostBearer, programme.id, "sports", "Alice Durand").statusCode(201)
                .header("Location", containsString("/tutors/")).header("ETag", equalTo("\"0\""))
                .body("serviceName", equalTo("Direction des sports")).body("active", equalTo(true))
                .body("load", empty()).body("visits", equalTo(0)).extract().path("id");
        assertThat(TestEvents.count("SELECT count(*) FROM programme_tutor WHERE id = ? AND email = ? AND version = 0",
                UUID.fromString(id), "alice.durand@clermont.example")).isEqualTo(1);
        assertThat(TestEvents.count("SELECT count(*) FROM audit_log WHERE action = 'programme.tutor-created' "
                + "AND entity_id = ?", id)).isEqualTo(1);
        addTutor(hostBearer, programme.id, "piscine", "Bruno Petit").statusCode(422)
                .body("violations[0].field", equalTo("serviceId"));
        given().header("Authorization", hostBearer).contentType(ContentType.JSON)
                .body(Map.of("serviceId", "sports", "name", "Bruno Petit", "email", "pas-un-courriel"))
                .post("/api/v1/programmes/" + programme.id + "/tutors").then().statusCode(400);
        addTutor(host(UUID.randomUUID()), programme.id, "sports", "Bruno Petit").statusCode(403);
        addTutor(principal(Fixtures.uai()), programme.id, "sports", "Bruno Petit").statusCode(403);
        addTutor(admin(), programme.id, "culture", "Chloé Roux").statusCode(201);
        addTutor(hostBearer, UUID.randomUUID(), "sports", "Bruno Petit").statusCode(404);

        tutors(hostBearer, programme.id, "?size=1").statusCode(200).body("totalItems", equalTo(2))
                .body("items", hasSize(1)).body("items[0].serviceId", equalTo("culture"));
        tutors(principal(Fixtures.uai()), programme.id, "").statusCode(403);
        tutors(host(UUID.randomUUID()), programme.id, "").statusCode(403);

        String tutorPath = "/api/v1/programmes/" + programme.id + "/tutors/" + id;
        given().header("Authorization", hostBearer).contentType(ContentType.JSON)
                .body(tutor("voirie", "Alice Durand", false)).put(tutorPath).then().statusCode(428);
        given().header("Authorization", hostBearer).header("If-Match", "\"3\"").contentType(ContentType.JSON)
                .body(tutor("voirie", "Alice Durand", false)).put(tutorPath).then().statusCode(409);
        given().header("Authorization", hostBearer).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(tutor("voirie", "Alice Durand", false)).put(tutorPath).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("serviceId", equalTo("voirie")).body("active", equalTo(false))
                .body("version", equalTo(1));
        given().header("Authorization", hostBearer).delete(tutorPath).then().statusCode(428);
        given().header("Authorization", hostBearer).header("If-Match", "\"0\"").delete(tutorPath).then()
                .statusCode(409);
        given().header("Authorization", hostBearer).header("If-Match", "\"1\"").delete(tutorPath).then()
                .statusCode(204);
        assertThat(TestEvents.count("SELECT count(*) FROM programme_tutor WHERE id = ?", UUID.fromString(id)))
                .isZero();
        given().header("Authorization", hostBearer).header("If-Match", "\"1\"").delete(tutorPath).then()
                .statusCode(404);
    }

    /** Two groups visit each of the three services once: sports' two tutors one visit each, culture's one two. */
    @Test
    void aPlanBalancesTheVisitsAmongEachServicesActiveTutorsAndFlagsAServiceWithout() {
        Cohorts.Week week = Cohorts.accepted("gerzat", W05, FIVE_SCHOOLS_F_AND_M);
        Fixtures.Offer programme = week.programme();
        String bruno = addTutor(programme.hostBearer(), programme.id, "sports", "Bruno Petit").statusCode(201)
                .extract().path("id");
        String alice = addTutor(programme.hostBearer(), programme.id, "sports", "Alice Durand").statusCode(201)
                .extract().path("id");
        String chloe = addTutor(programme.hostBearer(), programme.id, "culture", "Chloé Roux").statusCode(201)
                .extract().path("id");

        JsonPath planned = plan(programme.hostBearer(), programme.id, W05, 3L).statusCode(200)
                .body("warnings", contains("service voirie has no tutor")).extract().jsonPath();
        List<Map<String, Object>> visits = planned.getList("groups.rotation.flatten()");
        assertThat(visits).hasSize(6);
        assertThat(visits).filteredOn(v -> "sports".equals(v.get("serviceId"))).extracting(v -> v.get("tutorId"))
                .containsExactlyInAnyOrder(alice, bruno);
        assertThat(visits).filteredOn(v -> "culture".equals(v.get("serviceId"))).extracting(v -> v.get("tutorName"))
                .containsExactly("Chloé Roux", "Chloé Roux");
        assertThat(visits).filteredOn(v -> "voirie".equals(v.get("serviceId"))).extracting(v -> v.get("tutorId"))
                .containsOnlyNulls();
        // the first sports visit (earliest day, then group) goes to the first by name at equal load
        Map<String, Object> firstSports = visits.stream().filter(v -> "sports".equals(v.get("serviceId")))
                .min((a, b) -> Integer.compare((Integer) a.get("day"), (Integer) b.get("day"))).orElseThrow();
        assertThat(firstSports.get("tutorId")).isEqualTo(alice);

        JsonPath listed = tutors(programme.hostBearer(), programme.id, "").statusCode(200)
                .body("totalItems", equalTo(3)).extract().jsonPath();
        assertThat(listed.getList("items.name")).containsExactly("Chloé Roux", "Alice Durand", "Bruno Petit");
        assertThat(listed.getList("items.visits")).containsExactly(2, 1, 1);
        assertThat(listed.getString("items[0].load[0].week")).isEqualTo(W05);
        assertThat(TestEvents.count("SELECT count(*) FROM outbox_event WHERE type = 'programme.week-planned' "
                + "AND (payload::text LIKE '%Chlo%' OR payload::text LIKE '%" + chloe + "%')")).isZero();

        // Bruno steps back: planning again gives Alice both sports visits, and then Bruno may go
        String brunoPath = "/api/v1/programmes/" + programme.id + "/tutors/" + bruno;
        given().header("Authorization", programme.hostBearer()).header("If-Match", "\"0\"").delete(brunoPath).then()
                .statusCode(409).body("detail", containsString(W05));
        given().header("Authorization", programme.hostBearer()).header("If-Match", "\"0\"")
                .contentType(ContentType.JSON).body(tutor("sports", "Bruno Petit", false)).put(brunoPath).then()
                .statusCode(200).body("load[0].visits", equalTo(1));
        plan(programme.hostBearer(), programme.id, W05, 3L).statusCode(200);
        tutors(programme.hostBearer(), programme.id, "").body("items.visits", contains(2, 2, 0));
        given().header("Authorization", programme.hostBearer()).header("If-Match", "\"1\"").delete(brunoPath).then()
                .statusCode(204);
    }

    @Test
    void anAgreementOfAProgrammeNamesOneOfItsTutors() {
        Cohorts.Week week = Cohorts.accepted("chamalieres", W05, List.of(List.of("F"), List.of("M"), List.of("F"),
                List.of("M"), List.of("F")));
        Fixtures.Offer programme = week.programme();
        String chloe = addTutor(programme.hostBearer(), programme.id, "culture", "Chloé Roux").statusCode(201)
                .extract().path("id");
        Fixtures.Offer other = Fixtures.programme("63", 5, false, week.schools(), W05);
        String stranger = addTutor(other.hostBearer(), other.id, "culture", "Denis Morel").statusCode(201)
                .extract().path("id");
        UUID candidacy = week.schoolOf().keySet().iterator().next();
        String agreement = "/api/v1/agreements/" + week.confirm(candidacy) + "/tutor";

        given().header("Authorization", programme.hostBearer()).contentType(ContentType.JSON)
                .body(Map.of("programmeTutorId", stranger)).put(agreement).then().statusCode(422)
                .body("violations[0].field", equalTo("programmeTutorId"));
        given().header("Authorization", programme.hostBearer()).contentType(ContentType.JSON)
                .body(Map.of("function", "Agent")).put(agreement).then().statusCode(400);
        given().header("Authorization", programme.hostBearer()).contentType(ContentType.JSON)
                .body(Map.of("programmeTutorId", chloe)).put(agreement).then().statusCode(200)
                .body("tutor.name", equalTo("Chloé Roux")).body("tutor.function", equalTo("Direction de la culture"));
        assertThat(TestEvents.count("SELECT count(*) FROM agreement WHERE application_id = ? "
                + "AND tutor_name = 'Chloé Roux'", candidacy)).isEqualTo(1);
    }
}
