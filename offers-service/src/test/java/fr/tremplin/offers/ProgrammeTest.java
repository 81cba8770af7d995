package fr.tremplin.offers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tremplin.common.security.Roles;
import fr.tremplin.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static fr.tremplin.offers.OfferFixtures.SECTOR_MODE;
import static fr.tremplin.offers.OfferFixtures.host;
import static fr.tremplin.offers.OfferFixtures.offer;
import static fr.tremplin.offers.ProgrammeFixtures.programme;
import static fr.tremplin.offers.ProgrammeFixtures.territory;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/**
 * Collective programmes through the real API: created as a draft with their definition, read, edited with a version,
 * published and unpublished with the offer's routes, found in the search by kind; each published change carries the
 * definition in its offer.* outbox row (which DatabaseCleaner checks against docs/events after the class).
 */
@QuarkusTest
class ProgrammeTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper mapper;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String create(OfferFixtures.Host host, Map<String, Object> body) {
        return given().header("Authorization", host.bearer()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/programmes").then().statusCode(201).extract().path("id");
    }

    @Test
    void aHostCreatesADraftProgrammeWithTheDefaultsAndOnlyItsReadersSeeIt() {
        OfferFixtures.Host host = host("Ville de Clermont-Ferrand");
        String id = given().header("Authorization", host.bearer()).contentType(ContentType.JSON)
                .body(programme("Pass'3e")).post("/api/v1/programmes")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/programmes/"))
                .body("status", equalTo("DRAFT")).body("seatsPerWeek", is(25))
                .body("organisationId", equalTo(host.organisationId().toString()))
                .body("territory.departments", contains("01")).body("territory.bassin", nullValue())
                .body("territory.uais", hasSize(0))
                .body("weights.REP_PLUS", is(1.5f)).body("weights.REP", is(1.2f)).body("weights.NONE", is(1.0f))
                .body("minimumOneSeatPerSchool", is(false)).body("groupSize", is(5))
                .body("services.id", contains("sports", "etat-civil", "espaces-verts"))
                .body("dayPlan.day", contains(1, 2, 3, 4, 5)).body("dayPlan[1].description", nullValue())
                .body("weeks.week", contains("2028-W05", "2028-W06")).body("weeks[0].freeSeats", is(25))
                .body("version", is(0))
                .extract().path("id");

        given().header("Authorization", host.bearer()).get("/api/v1/programmes/" + id)
                .then().statusCode(200).header("ETag", org.hamcrest.Matchers.startsWith("\"0.")).body("title", equalTo("Pass'3e"));
        // the offer it is: kind PROGRAMME, capacity = seats per week, groups of the programme's size
        given().header("Authorization", host.bearer()).get("/api/v1/offers/" + id)
                .then().statusCode(200).body("kind", equalTo("PROGRAMME")).body("capacityPerWeek", is(25))
                .body("maxGroupSize", is(5)).body("reservation", equalTo("NONE"));
        // a draft is nobody else's business; a draft emits nothing
        given().get("/api/v1/programmes/" + id).then().statusCode(404);
        given().header("Authorization", host("Autre mairie").bearer()).get("/api/v1/programmes/" + id)
                .then().statusCode(404);
        assertThat(outbox(id)).isEmpty();
    }

    @Test
    void publishedWithTheOfferRoutesItsEventsCarryTheDefinition() throws Exception {
        OfferFixtures.Host host = host("Ville de Riom");
        Map<String, Object> body = programme("Pass'3e Riom");
        body.put("weights", Map.of("REP_PLUS", 2, "REP", 1.25, "NONE", 1));
        body.put("minimumOneSeatPerSchool", true);
        body.put("groupSize", 6);
        body.put("territory", territory(null, null, List.of("0630001A", "0630002B")));
        String id = create(host, body);

        given().header("Authorization", host.bearer()).post("/api/v1/offers/" + id + "/publish")
                .then().statusCode(200).body("status", equalTo("PUBLISHED")).body("kind", equalTo("PROGRAMME"));
        given().get("/api/v1/programmes/" + id).then().statusCode(200).body("status", equalTo("PUBLISHED"));

        List<Event> events = outbox(id);
        assertThat(events).extracting(Event::type).containsExactly("offer.published");
        JsonNode payload = events.get(0).payload();
        assertThat(payload.get("kind").asText()).isEqualTo("PROGRAMME");
        assertThat(payload.get("capacityPerWeek").asInt()).isEqualTo(25);
        assertThat(payload.get("maxGroupSize").asInt()).isEqualTo(6);
        JsonNode programme = payload.get("programme");
        assertThat(programme.get("territory").get("uais")).extracting(JsonNode::asText)
                .containsExactly("0630001A", "0630002B");
        assertThat(programme.get("territory").get("departments")).isEmpty();
        assertThat(programme.get("territory").get("bassin").isNull()).isTrue();
        assertThat(programme.get("weights").get("REP_PLUS").decimalValue()).isEqualByComparingTo("2");
        assertThat(programme.get("weights").get("REP").decimalValue()).isEqualByComparingTo("1.25");
        assertThat(programme.get("weights").get("NONE").decimalValue()).isEqualByComparingTo("1");
        assertThat(programme.get("minimumOneSeatPerSchool").asBoolean()).isTrue();
        assertThat(programme.get("groupSize").asInt()).isEqualTo(6);
        assertThat(programme.get("services")).extracting(s -> s.get("id").asText() + "/" + s.get("dailyCapacityGroups").asInt())
                .containsExactly("sports/2", "etat-civil/1", "espaces-verts/2");
        assertThat(programme.get("dayPlan")).extracting(d -> d.get("day").asInt()).containsExactly(1, 2, 3, 4, 5);

        given().header("Authorization", host.bearer()).post("/api/v1/offers/" + id + "/unpublish")
                .then().statusCode(200);
        given().get("/api/v1/programmes/" + id).then().statusCode(404);
        assertThat(outbox(id)).extracting(Event::type).containsExactly("offer.published", "offer.unpublished");
        assertThat(outbox(id).get(1).payload().get("programme").get("groupSize").asInt()).isEqualTo(6);
    }

    @Test
    void aPlainOfferSaysItsKindAndCarriesNoProgramme() throws Exception {
        OfferFixtures.Host host = host("Garage du Centre");
        String id = OfferFixtures.published(host, offer("Mécanique", "Réparer un moteur.", SECTOR_MODE));
        JsonNode payload = outbox(id).get(0).payload();
        assertThat(payload.get("kind").asText()).isEqualTo("OFFER");
        assertThat(payload.has("programme")).isFalse();
        given().get("/api/v1/offers/" + id).then().statusCode(200).body("kind", equalTo("OFFER"));
        // an offer is not a programme, and a programme is not edited as a plain offer
        given().header("Authorization", host.bearer()).get("/api/v1/programmes/" + id).then().statusCode(404);
        String programmeId = create(host, programme("Semaine découverte"));
        given().header("Authorization", host.bearer()).contentType(ContentType.JSON)
                .header("If-Match", "\"0\"").body(offer("Écrasé", "Par une offre.", SECTOR_MODE))
                .put("/api/v1/offers/" + programmeId).then().statusCode(409);
        given().header("Authorization", host.bearer()).contentType(ContentType.JSON)
                .header("If-Match", "\"0\"").body(programme("Pas une offre"))
                .put("/api/v1/programmes/" + id).then().statusCode(404);
    }

    @Test
    void anEditNeedsTheCurrentVersionAndAPublishedOneEmitsOfferUpdated() throws Exception {
        OfferFixtures.Host host = host("Ville de Thiers");
        String id = create(host, programme("Pass'3e Thiers"));
        given().header("Authorization", host.bearer()).post("/api/v1/offers/" + id + "/publish").then().statusCode(200);
        int version = given().header("Authorization", host.bearer()).get("/api/v1/programmes/" + id)
                .then().statusCode(200).extract().path("version");

        Map<String, Object> edited = programme("Pass'3e Thiers");
        edited.put("territory", territory(List.of(), "thiers-ambert", List.of()));
        edited.put("seatsPerWeek", 30);
        @SuppressWarnings("unchecked")
        List<Object> services = (List<Object>) edited.get("services");
        services.add(ProgrammeFixtures.service("police-municipale", "Police municipale", 3));

        given().header("Authorization", host.bearer()).contentType(ContentType.JSON).body(edited)
                .put("/api/v1/programmes/" + id).then().statusCode(428);
        given().header("Authorization", host.bearer()).contentType(ContentType.JSON).body(edited)
                .header("If-Match", "\"" + (version + 5) + "\"")
                .put("/api/v1/programmes/" + id).then().statusCode(409);
        given().header("Authorization", host.bearer()).contentType(ContentType.JSON).body(edited)
                .header("If-Match", "\"" + version + "\"")
                .put("/api/v1/programmes/" + id).then().statusCode(200)
                .header("ETag", org.hamcrest.Matchers.startsWith("\"" + (version + 1)))
                .body("version", is(version + 1)).body("seatsPerWeek", is(30))
                .body("territory.bassin", equalTo("thiers-ambert")).body("territory.departments", hasSize(0))
                .body("services", hasSize(4));

        List<Event> events = outbox(id);
        assertThat(events).extracting(Event::type).containsExactly("offer.published", "offer.updated");
        JsonNode updated = events.get(1).payload();
        assertThat(updated.get("version").asInt()).isEqualTo(version + 1);
        assertThat(updated.get("capacityPerWeek").asInt()).isEqualTo(30);
        assertThat(updated.get("programme").get("territory").get("bassin").asText()).isEqualTo("thiers-ambert");
        assertThat(updated.get("programme").get("services")).hasSize(4);
    }

    @Test
    void theSearchShowsEachHitsKindAndFiltersOnIt() {
        OfferFixtures.Host host = host("Communauté Haut-Bugey");
        String offerId = OfferFixtures.published(host, offer("Chaudronnerie zébrure", "Souder et plier.", SECTOR_MODE));
        String programmeId = create(host, programme("Programme zébrure"));
        given().header("Authorization", host.bearer()).post("/api/v1/offers/" + programmeId + "/publish")
                .then().statusCode(200);

        given().queryParam("q", "zébrure").get("/api/v1/offers").then().statusCode(200)
                .body("totalItems", is(2))
                .body("items.find { it.id == '" + programmeId + "' }.kind", equalTo("PROGRAMME"))
                .body("items.find { it.id == '" + offerId + "' }.kind", equalTo("OFFER"));
        given().queryParam("q", "zébrure").queryParam("kind", "PROGRAMME").get("/api/v1/offers").then().statusCode(200)
                .body("items.id", contains(programmeId)).body("items[0].weeks[0].freeSeats", is(25));
        given().queryParam("q", "zébrure").queryParam("kind", "OFFER").get("/api/v1/offers").then().statusCode(200)
                .body("items.id", contains(offerId));
        given().queryParam("kind", "COURSE").get("/api/v1/offers").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void whoMayDoWhat() {
        OfferFixtures.Host host = host("Ville de Nantua");
        OfferFixtures.Host other = host("Ville d'Oyonnax");
        Map<String, Object> body = programme("Pass'3e Nantua");
        for (String bearer : List.of(TestTokens.as(Roles.PUPIL).claim("school", "0010001A").bearer(),
                TestTokens.as(Roles.MINISTRY).claim("ministry", "MINARM").bearer(),
                TestTokens.as(Roles.OPERATOR).claim("operator", "jobirl").bearer(),
                TestTokens.as(Roles.PRINCIPAL).claim("school", "0010001A").bearer())) {
            given().header("Authorization", bearer).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/programmes").then().statusCode(403);
        }
        given().contentType(ContentType.JSON).body(body).post("/api/v1/programmes").then().statusCode(401);
        // a host creates for its own organisation only; an admin names any
        Map<String, Object> forOther = programme("Pass'3e d'un autre");
        forOther.put("organisationId", other.organisationId().toString());
        given().header("Authorization", host.bearer()).contentType(ContentType.JSON).body(forOther)
                .post("/api/v1/programmes").then().statusCode(403);
        String id = given().header("Authorization", TestTokens.as(Roles.ADMIN).bearer()).contentType(ContentType.JSON)
                .body(forOther).post("/api/v1/programmes").then().statusCode(201)
                .body("organisationId", equalTo(other.organisationId().toString())).extract().path("id");

        given().header("Authorization", host.bearer()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(body).put("/api/v1/programmes/" + id).then().statusCode(404); // a draft not its own
        given().header("Authorization", other.bearer()).post("/api/v1/offers/" + id + "/publish").then().statusCode(200);
        given().header("Authorization", host.bearer()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(body).put("/api/v1/programmes/" + id).then().statusCode(403);
        given().header("Authorization", host.bearer()).post("/api/v1/offers/" + id + "/unpublish").then().statusCode(403);
        given().header("Authorization", TestTokens.as(Roles.PUPIL).claim("school", "0010001A").bearer())
                .contentType(ContentType.JSON).header("If-Match", "\"1\"").body(body)
                .put("/api/v1/programmes/" + id).then().statusCode(403);
        given().get("/api/v1/programmes/" + id).then().statusCode(200)
                .body("organisationId", equalTo(other.organisationId().toString()));
    }

    /** The offer.* outbox rows of an offer, oldest first. */
    private List<Event> outbox(String offerId) {
        List<Event> events = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT type, payload::text FROM outbox_event WHERE message_key = ? ORDER BY seq")) {
            select.setString(1, offerId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    events.add(new Event(rs.getString(1), mapper.readTree(rs.getString(2))));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return events;
    }

    record Event(String type, JsonNode payload) {
    }
}
