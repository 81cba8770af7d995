package fr.tremplin.offers;

import fr.tremplin.common.events.Topics;
import fr.tremplin.common.security.Roles;
import fr.tremplin.testing.KafkaTestProducer;
import fr.tremplin.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.tremplin.offers.OfferFixtures.SECTOR_BANK;
import static fr.tremplin.offers.OfferFixtures.SECTOR_MODE;
import static fr.tremplin.offers.OfferFixtures.address;
import static fr.tremplin.offers.OfferFixtures.host;
import static fr.tremplin.offers.OfferFixtures.offer;
import static fr.tremplin.offers.OfferFixtures.published;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

/** GET /api/v1/offers as pupils and schools use it. */
@QuarkusTest
class OfferSearchTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static Map<String, Object> at(String title, double latitude, double longitude) {
        Map<String, Object> offer = offer(title, "Découverte du métier.", SECTOR_MODE);
        offer.put("address", address(latitude, longitude));
        return offer;
    }

    private static Map<String, Object> inMarseille(String title) {
        Map<String, Object> offer = at(title, 43.2965, 5.3698);
        @SuppressWarnings("unchecked")
        Map<String, Object> address = (Map<String, Object>) offer.get("address");
        address.put("zipcode", "13001");
        address.put("city", "Marseille");
        address.put("department", "13");
        address.put("academy", "Aix-Marseille");
        return offer;
    }

    @Test
    void aroundACollegeNearestFirstWithinTheRadius() {
        OfferFixtures.Host host = host("Plasturgie de l'Ain");
        String here = published(host, at("Ici même", 46.266800, 5.630200));           // Louis Lumière, Oyonnax
        String arbent = published(host, at("À Arbent", 46.269094, 5.671547));         // ~3 km
        String stRambert = published(host, at("À Saint-Rambert", 45.943000, 5.432630)); // ~39 km

        given().queryParam("latitude", 46.2668).queryParam("longitude", 5.6302)
                .get("/api/v1/offers")
                .then().statusCode(200)
                .body("items.id", contains(here, arbent))
                .body("totalItems", is(2))
                .body("items[0].distanceKm", lessThan(0.1f))
                .body("items[1].distanceKm", lessThan(4f));

        given().queryParam("latitude", 46.2668).queryParam("longitude", 5.6302).queryParam("radiusKm", 45)
                .get("/api/v1/offers")
                .then().statusCode(200)
                .body("items.id", contains(here, arbent, stRambert));

        given().queryParam("latitude", 46.2668).queryParam("longitude", 5.6302).queryParam("radiusKm", 45)
                .queryParam("size", 1).queryParam("page", 1)
                .get("/api/v1/offers")
                .then().statusCode(200)
                .body("items.id", contains(arbent)).body("page", is(1)).body("size", is(1)).body("totalItems", is(3));
    }

    @Test
    void frenchFullTextIgnoresAccentsStemsAndRanksTitleAboveDescriptionAboveOrganisation() {
        OfferFixtures.Host host = host("Horlogerie Zéphyrine");
        Map<String, Object> inTitle = offer("Horlogère d'art", "Réparer des montres anciennes.", SECTOR_MODE);
        Map<String, Object> inDescription = offer("Atelier de précision", "Découvrir le métier d'horlogère.", SECTOR_MODE);
        Map<String, Object> inOrganisation = offer("Atelier du temps", "Mécanismes et engrenages.", SECTOR_MODE);
        String title = published(host, inTitle);
        String description = published(host, inDescription);
        String organisation = published(host, inOrganisation);

        // "horlogère", "horlogerie" share their stem: the title weighs most, then the description, then the organisation
        given().queryParam("q", "horlogere").get("/api/v1/offers")
                .then().statusCode(200)
                .body("items.id", contains(title, description, organisation));
        given().queryParam("q", "Zéphyrine").get("/api/v1/offers")
                .then().statusCode(200)
                .body("items.id", containsInAnyOrder(title, description, organisation));
        given().queryParam("q", "zephyrine -horlogeres").get("/api/v1/offers")
                .then().statusCode(200)
                .body("items", empty());
        given().queryParam("q", "reparer montre").get("/api/v1/offers")
                .then().statusCode(200)
                .body("items.id", contains(title));
    }

    @Test
    void filtersBySectorWeekDepartmentMinistryPublicSectorAndSchoolYear() {
        OfferFixtures.Host host = host("Groupe Calanques");
        double lat = 43.2965;
        double lon = 5.3698; // Marseille
        Map<String, Object> fashion = inMarseille("Mode à Marseille");
        fashion.put("weeks", List.of("2028-W10"));
        Map<String, Object> bank = inMarseille("Banque à Marseille");
        bank.put("sectorId", SECTOR_BANK);
        bank.put("weeks", List.of("2028-W11"));
        bank.put("publicSector", true);
        bank.put("ministryCode", "MEF");
        Map<String, Object> nextYear = inMarseille("Mode l'an d'après");
        nextYear.put("schoolYear", "2028-2029");
        nextYear.put("weeks", List.of("2029-W10"));
        String fashionId = published(host, fashion);
        String bankId = published(host, bank);
        String nextYearId = published(host, nextYear);

        given().queryParam("latitude", lat).queryParam("longitude", lon).queryParam("sector", SECTOR_BANK)
                .get("/api/v1/offers").then().statusCode(200).body("items.id", contains(bankId));
        given().queryParam("latitude", lat).queryParam("longitude", lon).queryParam("week", "2028-W10")
                .get("/api/v1/offers").then().statusCode(200).body("items.id", contains(fashionId));
        given().queryParam("latitude", lat).queryParam("longitude", lon)
                .queryParam("week", "2028-W10").queryParam("week", "2028-W11")
                .get("/api/v1/offers").then().statusCode(200).body("items.id", containsInAnyOrder(fashionId, bankId));
        given().queryParam("latitude", lat).queryParam("longitude", lon).queryParam("ministry", "MEF")
                .get("/api/v1/offers").then().statusCode(200).body("items.id", contains(bankId));
        given().queryParam("latitude", lat).queryParam("longitude", lon).queryParam("publicSector", false)
                .get("/api/v1/offers").then().statusCode(200).body("items.id", containsInAnyOrder(fashionId, nextYearId));
        given().queryParam("latitude", lat).queryParam("longitude", lon).queryParam("schoolYear", "2028-2029")
                .get("/api/v1/offers").then().statusCode(200).body("items.id", contains(nextYearId));
        given().queryParam("department", "13").queryParam("sector", SECTOR_BANK)
                .get("/api/v1/offers").then().statusCode(200).body("items.id", contains(bankId));
        given().queryParam("department", "01").queryParam("sector", SECTOR_BANK)
                .get("/api/v1/offers").then().statusCode(200).body("items.id", not(hasItem(bankId)));
    }

    @Test
    void onlyOffersWithAFreeSeatInAComingWeekAreShown() {
        OfferFixtures.Host host = host("Crêperie du Port");
        double lat = 48.3904;
        double lon = -4.4861; // Brest
        Map<String, Object> oneSeat = at("Crêpier d'un jour", lat, lon);
        oneSeat.put("capacityPerWeek", 1);
        oneSeat.put("weeks", List.of("2028-W05", "2028-W06"));
        String id = published(host, oneSeat);
        Map<String, Object> past = at("Semaine passée", lat, lon);
        past.put("schoolYear", "2025-2026");
        past.put("weeks", List.of("2026-W05"));
        String pastId;
        FixedClock.fix(Instant.parse("2025-12-01T09:00:00Z")); // published while its week was ahead: it is over now
        try {
            pastId = published(host, past);
        } finally {
            FixedClock.reset();
        }

        given().queryParam("latitude", lat).queryParam("longitude", lon).get("/api/v1/offers")
                .then().statusCode(200).body("items.id", contains(id));

        // applications-service confirms a pupil on week 5: that week is full now
        String applicationId = UUID.randomUUID().toString();
        KafkaTestProducer.send(Topics.APPLICATIONS, applicationId, "application.confirmed",
                "{\"applicationId\":\"" + applicationId + "\",\"offerId\":\"" + id
                        + "\",\"week\":\"2028-W05\",\"state\":\"CONFIRMED\",\"pupilId\":\"" + UUID.randomUUID()
                        + "\",\"schoolPriority\":\"REP\"}");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().queryParam("latitude", lat).queryParam("longitude", lon).queryParam("week", "2028-W05")
                        .get("/api/v1/offers").then().statusCode(200).body("items", empty()));
        given().queryParam("latitude", lat).queryParam("longitude", lon).queryParam("week", "2028-W06")
                .get("/api/v1/offers").then().statusCode(200).body("items.id", contains(id))
                .body("items[0].weeks.week", contains("2028-W05", "2028-W06"))
                .body("items[0].weeks.freeSeats", contains(0, 1));
        given().get("/api/v1/offers/" + pastId).then().statusCode(200).body("status", equalTo("PUBLISHED"));
    }

    @Test
    void aPupilDoesNotSeeOffersReservedForOthers() {
        OfferFixtures.Host host = host("Hôpital de Roubaix");
        double lat = 50.6942;
        double lon = 3.1746; // Roubaix
        Map<String, Object> open = at("Ouvert à tous", lat, lon);
        Map<String, Object> rep = at("Réservé REP", lat, lon);
        rep.put("reservation", "REP");
        Map<String, Object> oneSchool = at("Réservé au collège Anne Frank", lat, lon);
        oneSchool.put("reservation", "SCHOOL");
        oneSchool.put("reservedSchoolUai", "0590001A");
        String openId = published(host, open);
        String repId = published(host, rep);
        String schoolId = published(host, oneSchool);

        KafkaTestProducer.send(Topics.SCHOOLS, "0590001A", "school.registered",
                "{\"uai\":\"0590001A\",\"priority\":\"REP_PLUS\",\"department\":\"59\"}");
        KafkaTestProducer.send(Topics.SCHOOLS, "0590002B", "school.registered",
                "{\"uai\":\"0590002B\",\"priority\":\"NONE\",\"department\":\"59\"}");
        String repPlusPupil = TestTokens.as(Roles.PUPIL).claim("school", "0590001A").bearer();
        String otherPupil = TestTokens.as(Roles.PUPIL).claim("school", "0590002B").bearer();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().header("Authorization", repPlusPupil)
                        .queryParam("latitude", lat).queryParam("longitude", lon).get("/api/v1/offers")
                        .then().statusCode(200).body("items.id", containsInAnyOrder(openId, repId, schoolId)));
        given().header("Authorization", otherPupil)
                .queryParam("latitude", lat).queryParam("longitude", lon).get("/api/v1/offers")
                .then().statusCode(200).body("items.id", contains(openId));
        // a school never heard of from schools-service counts as neither REP nor REP+
        given().header("Authorization", TestTokens.as(Roles.PUPIL).claim("school", "0599999Z").bearer())
                .queryParam("latitude", lat).queryParam("longitude", lon).get("/api/v1/offers")
                .then().statusCode(200).body("items.id", contains(openId));
        // anonymous visitors and staff see every published offer, with its reservation
        given().queryParam("latitude", lat).queryParam("longitude", lon).get("/api/v1/offers")
                .then().statusCode(200).body("totalItems", is(3))
                .body("items.reservation", containsInAnyOrder("NONE", "REP", "SCHOOL"));

        // the school leaves priority education: its pupils lose the REP offers
        KafkaTestProducer.send(Topics.SCHOOLS, "0590001A", "school.updated",
                "{\"uai\":\"0590001A\",\"priority\":\"NONE\",\"department\":\"59\"}");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().header("Authorization", repPlusPupil)
                        .queryParam("latitude", lat).queryParam("longitude", lon).get("/api/v1/offers")
                        .then().statusCode(200).body("items.id", containsInAnyOrder(openId, schoolId)));
    }

    @Test
    void aCorsicanOfferIsFoundByItsDepartementCodeAndOldFormsAreRefused() {
        OfferFixtures.Host host = host("Charcuterie d'Ajaccio");
        Map<String, Object> offer = at("Charcutier en Corse-du-Sud", 41.9192, 8.7386); // Ajaccio
        @SuppressWarnings("unchecked")
        Map<String, Object> address = (Map<String, Object>) offer.get("address");
        address.put("zipcode", "20000");
        address.put("city", "Ajaccio");
        address.put("department", "2A");
        address.put("academy", "Corse");
        String id = published(host, offer);

        given().queryParam("department", "2A").get("/api/v1/offers")
                .then().statusCode(200).body("items.id", contains(id)).body("items[0].department", equalTo("2A"));
        given().queryParam("department", "2B").get("/api/v1/offers")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        // the open data's 02A and the pre-1976 20 are not département codes of the API
        for (String department : List.of("02A", "20")) {
            given().queryParam("department", department).get("/api/v1/offers")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", contains("department"));
        }
    }

    @Test
    void badCriteriaAreRefusedWithTheFieldNamed() {
        given().queryParam("latitude", 46.2).queryParam("longitude", 5.6).queryParam("radiusKm", 61)
                .get("/api/v1/offers").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("radiusKm"));
        given().queryParam("latitude", 46.2).get("/api/v1/offers")
                .then().statusCode(400).body("violations.field", contains("longitude"));
        given().queryParam("latitude", 95).queryParam("longitude", 5.6).get("/api/v1/offers")
                .then().statusCode(400).body("violations.field", contains("latitude"));
        given().queryParam("week", "2028-W60").get("/api/v1/offers")
                .then().statusCode(400).body("violations.field", everyItem(equalTo("week[0]")));
        given().queryParam("size", 101).get("/api/v1/offers")
                .then().statusCode(400).body("violations.field", contains("size"));
        given().queryParam("latitude", "north").queryParam("longitude", 5.6).get("/api/v1/offers")
                .then().statusCode(400).contentType("application/problem+json");
        given().queryParam("department", "99").get("/api/v1/offers")
                .then().statusCode(400).body("violations.field", contains("department"));
    }
}
