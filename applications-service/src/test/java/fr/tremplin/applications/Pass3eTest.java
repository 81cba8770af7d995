package fr.tremplin.applications;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.tremplin.applications.Fixtures.act;
import static fr.tremplin.applications.Fixtures.principal;
import static fr.tremplin.applications.Fixtures.schoolWithThirdYears;
import static fr.tremplin.applications.NominationTest.acceptAll;
import static fr.tremplin.applications.NominationTest.nominate;
import static fr.tremplin.applications.ProgrammeAllocationTest.allocate;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.hasSize;

/**
 * Issue 13's "done means": the shape of Clermont-Ferrand's Pass'3e, from the programme's publication to its bilan.
 * The city runs 4 weeks of 25 places (100 pupils) for the 8 collèges of the city, 3 of them REP+ with a weight of
 * 1.5; the places are shared by 3e headcount, the schools nominate, the host accepts each week in bulk, the families
 * confirm, the city names two tutors in each of its six services, groups of 5 mixed by school and gender go round
 * the services, the agreements are signed (each naming the tutor of the pupil's first service), the weeks completed,
 * and the year's bilan gives figures all known in advance. The programme arrives as offers-service publishes it (tremplin.offers.v1), like every offer here.
 */
@QuarkusTest
class Pass3eTest {

    static final List<String> WEEKS = List.of("2028-W05", "2028-W06", "2028-W07", "2028-W08");
    static final int SEATS_PER_WEEK = 25;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void resetClock() {
        MovableClock.reset();
    }

    /** The city's six services, each receiving one group a day. */
    static final List<Map<String, Object>> SERVICES = List.of(
            service("sports", "Direction des sports"),
            service("culture", "Direction de la culture"),
            service("voirie", "Voirie et propreté"),
            service("etat-civil", "État civil"),
            service("espaces-verts", "Espaces verts"),
            service("police-municipale", "Police municipale"));

    /** A collège of the city: its priority, its declared 3e headcount and the seats the method must give it. */
    record College(String name, String priority, int headcount, int expectedSeats) {
    }

    /*
     * Weighted headcounts (REP+ x 1.5): 180, 135, 150 | 150, 130, 140, 110, 160 = 1,155 for 100 seats.
     * Exact shares: 15.584, 11.688, 12.987 | 12.987, 11.255, 12.121, 9.524, 13.853; floors sum to 95, and the 5 seats
     * left go to the 5 largest remainders: .987 (Camus, then Lecoq: same remainder and weighted headcount, REP+ first),
     * .853 (Jules Verne), .688 (Baudelaire), .584 (La Charme). Worked by hand, not by the code under test.
     */
    static final List<College> COLLEGES = List.of(
            new College("La Charme", "REP_PLUS", 120, 16),
            new College("Charles Baudelaire", "REP_PLUS", 90, 12),
            new College("Albert Camus", "REP_PLUS", 100, 13),
            new College("Henri Lecoq", "NONE", 150, 13),
            new College("Blaise Pascal", "NONE", 130, 11),
            new College("Jeanne d'Arc", "NONE", 140, 12),
            new College("Lucie Aubrac", "NONE", 110, 9),
            new College("Jules Verne", "NONE", 160, 14));

    /** A nominated pupil: their school, the week they were given and the gender the school gave (null: none). */
    record Nominee(String uai, UUID pupilId, String week, String gender, String applicationId) {
    }

    @Test
    void aCityWelcomesAHundredPupilsOfItsCollegesOverFourWeeks() {
        // ---- the collèges of the city, with their 3e headcounts, as schools-service publishes them
        Map<String, College> byUai = new LinkedHashMap<>();
        for (College college : COLLEGES) {
            byUai.put(schoolWithThirdYears("63", "clermont-ferrand", college.priority(), college.headcount()), college);
        }
        List<String> uais = new ArrayList<>(byUai.keySet());

        // ---- the city's programme, published by offers-service
        Fixtures.Offer pass3e = new Fixtures.Offer(UUID.randomUUID(), "63", SEATS_PER_WEEK, WEEKS);
        pass3e.kind = "PROGRAMME";
        pass3e.ministryCode = null;
        pass3e.programme = pass3eDefinition(uais);
        pass3e.publish("offer.published");

        // ---- the places, shared by weighted 3e headcount: exact total, each school's figure worked by hand
        allocate(pass3e.hostBearer(), pass3e.id).statusCode(200).body("totalSeats", equalTo(100))
                .body("schools", hasSize(8));
        int total = 0;
        for (Map.Entry<String, College> school : byUai.entrySet()) {
            int seats = ProgrammeAllocationTest.schoolLine(principal(school.getKey()), pass3e.id, school.getKey())
                    .statusCode(200).body("headcount", equalTo(school.getValue().headcount()))
                    .extract().path("seats");
            assertThat(seats).as(school.getValue().name()).isEqualTo(school.getValue().expectedSeats());
            total += seats;
        }
        assertThat(total).isEqualTo(100);

        // ---- each school nominates as many pupils as it has places, dealt over the 4 weeks (25 a week)
        List<Nominee> nominees = nominateEverySeat(pass3e, byUai);
        assertThat(nominees).hasSize(100);
        for (String week : WEEKS) {
            assertThat(nominees.stream().filter(n -> n.week().equals(week))).hasSize(SEATS_PER_WEEK);
        }
        nominate(principal(uais.get(0)), pass3e.id, Fixtures.pupil(uais.get(0), "3C", "REP_PLUS"), WEEKS.get(0), null)
                .statusCode(409);

        // ---- the city accepts each week in bulk: every place of every week held
        for (String week : WEEKS) {
            acceptAll(pass3e.hostBearer(), pass3e.id, week).statusCode(200)
                    .body("accepted", hasSize(SEATS_PER_WEEK)).body("refused", empty());
        }
        Fixtures.seats(pass3e).statusCode(200).body("weeks.held", equalTo(List.of(25, 25, 25, 25)));

        // ---- the families confirm through their school: the seats consumed, an agreement drafted for each
        Map<String, String> agreements = new HashMap<>();
        for (Nominee nominee : nominees) {
            String agreementId = act(principal(nominee.uai()), UUID.fromString(nominee.applicationId()), "confirm", null)
                    .statusCode(200).body("state", equalTo("CONFIRMED")).extract().path("agreementId");
            agreements.put(nominee.applicationId(), agreementId);
        }
        Fixtures.seats(pass3e).statusCode(200).body("weeks.consumed", equalTo(List.of(25, 25, 25, 25)));

        // ---- the city's tutors: two agents in each of its six services, kept from one year to the next
        for (Map<String, Object> service : SERVICES) {
            for (String agent : List.of("A", "B")) {
                given().header("Authorization", pass3e.hostBearer()).contentType(ContentType.JSON)
                        .body(Map.of("serviceId", service.get("id"), "name", "Agent " + agent + " " + service.get("name"),
                                "email", service.get("id") + "." + agent.toLowerCase() + "@clermont.test"))
                        .post("/api/v1/programmes/" + pass3e.id + "/tutors").then().statusCode(201);
            }
        }

        // ---- each week: 5 groups of 5, no two pupils of a school together, genders as even as they can be (13 girls,
        // 10 boys, 2 unknown: three groups 3-2 and two 2-2 with one unknown, so 3 = its bound), and three distinct
        // services each on days 2-4, never two groups in one service on one day (capacity 1), a tutor at every visit
        Map<String, String> dayTwoTutor = new HashMap<>();
        for (String week : WEEKS) {
            JsonPath plan = given().header("Authorization", pass3e.hostBearer()).contentType(ContentType.JSON).body("{}")
                    .post("/api/v1/programmes/" + pass3e.id + "/weeks/" + week + "/plan").then().statusCode(200)
                    .body("pupils", equalTo(25)).body("groups", hasSize(5)).body("groups.members", everyItem(hasSize(5)))
                    .body("score.sameSchoolPairs", equalTo(0)).body("score.sameSchoolPairsBound", equalTo(0))
                    .body("score.genderImbalance", equalTo(3)).body("score.genderImbalanceBound", equalTo(3))
                    .body("provenOptimal", equalTo(true)).body("warnings", empty())
                    .extract().jsonPath();
            assertPlanHolds(plan, nominees, week, dayTwoTutor);
        }

        // ---- the agreements: the principal, the city (naming the tutor of the pupil's first service) and the family
        for (Nominee nominee : nominees) {
            sign(pass3e, nominee, agreements.get(nominee.applicationId()), dayTwoTutor.get(nominee.applicationId()));
        }

        // ---- each week is completed once its Friday has come
        Instant lastFriday = LocalDate.of(2028, 2, 25).atTime(18, 0).toInstant(ZoneOffset.UTC);
        MovableClock.advance(Duration.between(Instant.now(), lastFriday));
        for (Nominee nominee : nominees) {
            act(pass3e.hostBearer(), UUID.fromString(nominee.applicationId()), "complete", null).statusCode(200)
                    .body("state", equalTo("COMPLETED"));
        }
        assertThat(TestEvents.count("SELECT count(*) FROM application WHERE offer_id = ? AND state = 'COMPLETED' "
                + "AND origin = 'NOMINATION'", pass3e.id)).isEqualTo(100);
        assertThat(TestEvents.count("SELECT count(*) FROM outbox_event WHERE type = 'internship.completed' "
                + "AND payload->>'offerId' = ?", pass3e.id.toString())).isEqualTo(100);

        // ---- the bilan of the year, every figure known in advance
        JsonPath bilan = given().header("Authorization", pass3e.hostBearer())
                .get("/api/v1/programmes/" + pass3e.id + "/bilan?schoolYear=2027-2028").then().statusCode(200)
                .body("schools", hasSize(8))
                .body("total.seatsAllocated", equalTo(100)).body("total.nominated", equalTo(100))
                .body("total.acceptedOrLater", equalTo(100)).body("total.completed", equalTo(100))
                .body("weeks.week", equalTo(WEEKS)).body("weeks.groups", everyItem(equalTo(5)))
                .body("weeks.pupils", everyItem(equalTo(25)))
                .body("mix.groups", equalTo(20)).body("mix.sameSchoolPairs", equalTo(0))
                .body("mix.sameSchoolPairsBound", equalTo(0)).body("mix.groupsWithoutSameSchoolPair", equalTo(20))
                .body("mix.genderImbalance", equalTo(12)).body("mix.genderImbalanceBound", equalTo(12))
                .body("mix.groupsWithinOne", equalTo(20))
                .body("tutors.mobilised", equalTo(12)).body("tutors.visits", equalTo(60))
                .body("tutors.visitsWithoutTutor", equalTo(0))
                .body("completion.completed", equalTo(100)).body("completion.nominated", equalTo(100))
                .extract().jsonPath();
        assertThat(bilan.getDouble("mix.meanDistinctSchoolsPerGroup")).isEqualTo(5.0);
        assertThat(bilan.getDouble("completion.ofNominated")).isEqualTo(1.0);
        for (Map.Entry<String, College> school : byUai.entrySet()) {
            Map<String, Object> line = bilan.getMap("schools.find { it.uai == '" + school.getKey() + "' }");
            int seats = school.getValue().expectedSeats();
            assertThat(line).as(school.getValue().name()).containsEntry("priority", school.getValue().priority())
                    .containsEntry("seatsAllocated", seats).containsEntry("nominated", seats)
                    .containsEntry("acceptedOrLater", seats).containsEntry("completed", seats);
        }
        assertThat(bilan.getMap("priorities.find { it.priority == 'REP_PLUS' }")).containsEntry("schools", 3)
                .containsEntry("seatsAllocated", 41).containsEntry("completed", 41);
        assertThat(bilan.getMap("priorities.find { it.priority == 'NONE' }")).containsEntry("schools", 5)
                .containsEntry("seatsAllocated", 59).containsEntry("completed", 59);
        String csv = given().header("Authorization", pass3e.hostBearer()).accept("text/csv")
                .get("/api/v1/programmes/" + pass3e.id + "/bilan?schoolYear=2027-2028").then().statusCode(200)
                .extract().asString();
        assertThat(csv.lines().filter(line -> line.contains(uais.get(0)))).singleElement().asString()
                .contains("REP_PLUS").contains("16");
    }

    /**
     * Every nominee of the week in exactly one group, no school twice in a group, each group's three services
     * distinct, no service receiving two groups the same day, a tutor of the right service at every visit.
     */
    private static void assertPlanHolds(JsonPath plan, List<Nominee> nominees, String week, Map<String, String> dayTwoTutor) {
        List<String> planned = plan.getList("groups.members.flatten().candidacyId");
        assertThat(planned).containsExactlyInAnyOrderElementsOf(
                nominees.stream().filter(n -> n.week().equals(week)).map(Nominee::applicationId).toList());
        for (int g = 0; g < 5; g++) {
            List<String> schools = plan.getList("groups[" + g + "].members.schoolUai");
            assertThat(schools).as("group %d of %s", g, week).doesNotHaveDuplicates();
            List<String> services = plan.getList("groups[" + g + "].rotation.serviceId");
            assertThat(services).hasSize(3).doesNotHaveDuplicates();
            assertThat(plan.getList("groups[" + g + "].rotation.tutorName", String.class))
                    .allSatisfy(tutor -> assertThat(tutor).startsWith("Agent "));
            String tutorOfDayTwo = plan.getString("groups[" + g + "].rotation.find { it.day == 2 }.tutorId");
            plan.getList("groups[" + g + "].members.candidacyId", String.class)
                    .forEach(candidacy -> dayTwoTutor.put(candidacy, tutorOfDayTwo));
        }
        for (int day = 2; day <= 4; day++) {
            List<String> servicesThatDay = plan.getList("groups.rotation.flatten().findAll { it.day == " + day + " }.serviceId");
            assertThat(servicesThatDay).as("day %d of %s", day, week).hasSize(5).doesNotHaveDuplicates();
        }
    }

    /** Clermont-Ferrand's week: a citizenship day, three services on days 2–4, a presentation on day 5. */
    static Map<String, Object> pass3eDefinition(List<String> uais) {
        Map<String, Object> definition = Fixtures.programmeBlock(Map.of("uais", uais), false);
        definition.put("services", SERVICES);
        definition.put("dayPlan", List.of(
                Map.of("day", 1, "title", "Journée citoyenne", "description", "Un conseil municipal simulé dans la salle du conseil"),
                Map.of("day", 2, "title", "Un service de la ville"),
                Map.of("day", 3, "title", "Un deuxième service"),
                Map.of("day", 4, "title", "Un troisième service"),
                Map.of("day", 5, "title", "Restitution", "description", "Chaque groupe présente ce qu'il a vu aux élus")));
        return definition;
    }

    private static Map<String, Object> service(String id, String name) {
        return Map.of("id", id, "name", name, "dailyCapacityGroups", 1);
    }

    /**
     * Every school nominates its places; pupils are dealt over the weeks in turn (school after school), so that each
     * week has 25 and each school's pupils spread evenly (at most 4 of a school in a week). Within a week genders
     * alternate and the 10th and 20th pupil's is not given: 13 girls, 10 boys and 2 unknown each week.
     */
    private static List<Nominee> nominateEverySeat(Fixtures.Offer pass3e, Map<String, College> byUai) {
        List<Nominee> nominees = new ArrayList<>();
        int dealt = 0;
        for (Map.Entry<String, College> school : byUai.entrySet()) {
            for (int i = 0; i < school.getValue().expectedSeats(); i++, dealt++) {
                String week = WEEKS.get(dealt % WEEKS.size());
                int rankInWeek = dealt / WEEKS.size();
                String gender = rankInWeek % 10 == 9 ? null : (rankInWeek % 2 == 0 ? "F" : "M");
                UUID pupil = Fixtures.pupil(school.getKey(), "3A", school.getValue().priority());
                String id = nominate(principal(school.getKey()), pass3e.id, pupil, week, gender).statusCode(201)
                        .body("state", equalTo("FORWARDED")).extract().path("id");
                nominees.add(new Nominee(school.getKey(), pupil, week, gender, id));
            }
        }
        return nominees;
    }

    private static void sign(Fixtures.Offer pass3e, Nominee nominee, String agreementId, String tutorId) {
        String agreement = "/api/v1/agreements/" + agreementId;
        given().header("Authorization", pass3e.hostBearer()).contentType(ContentType.JSON)
                .body(Map.of("programmeTutorId", tutorId)).put(agreement + "/tutor").then()
                .statusCode(200).body("tutor.name", startsWith("Agent "));
        Fixtures.fillFamilyAndSchedule(agreement, principal(nominee.uai()), pass3e.hostBearer());
        given().header("Authorization", principal(nominee.uai())).post(agreement + "/sign").then().statusCode(200);
        String token = given().header("Authorization", principal(nominee.uai())).post(agreement + "/signing-link")
                .then().statusCode(201).extract().path("token");
        given().post("/api/v1/signatures/" + token).then().statusCode(200);
        given().header("Authorization", pass3e.hostBearer()).post(agreement + "/sign").then().statusCode(200)
                .body("status", equalTo("SIGNED"));
    }
}
