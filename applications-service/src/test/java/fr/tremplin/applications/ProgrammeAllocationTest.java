package fr.tremplin.applications;

import fr.tremplin.common.events.Topics;
import fr.tremplin.common.security.Roles;
import fr.tremplin.testing.KafkaTestConsumer;
import fr.tremplin.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.tremplin.applications.Fixtures.W05;
import static fr.tremplin.applications.Fixtures.W06;
import static fr.tremplin.applications.Fixtures.admin;
import static fr.tremplin.applications.Fixtures.host;
import static fr.tremplin.applications.Fixtures.principal;
import static fr.tremplin.applications.Fixtures.programme;
import static fr.tremplin.applications.Fixtures.ripree;
import static fr.tremplin.applications.Fixtures.schoolWithThirdYears;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** Issue 13: a programme's seats per school, through the HTTP API, with the database and outbox rows it writes. */
@QuarkusTest
class ProgrammeAllocationTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static ValidatableResponse allocate(String bearer, UUID programmeId) {
        return given().header("Authorization", bearer).post("/api/v1/programmes/" + programmeId + "/allocation").then();
    }

    static ValidatableResponse allocation(String bearer, UUID programmeId) {
        return given().header("Authorization", bearer).get("/api/v1/programmes/" + programmeId + "/allocation").then();
    }

    static ValidatableResponse schoolLine(String bearer, UUID programmeId, String uai) {
        return given().header("Authorization", bearer)
                .get("/api/v1/programmes/" + programmeId + "/allocation/schools/" + uai).then();
    }

    static ValidatableResponse decline(String bearer, UUID programmeId, String uai) {
        return given().header("Authorization", bearer)
                .post("/api/v1/programmes/" + programmeId + "/allocation/schools/" + uai + "/decline").then();
    }

    /** The worked example of SeatAllocationTest, end to end: 5 seats x 2 weeks over 150, 120 and 130 weighted. */
    @Test
    void theHostAllocatesTheSeatsByLargestRemainderAndPublishesThem() {
        String a = schoolWithThirdYears("63", "clermont-nord", "REP_PLUS", 100);
        String b = schoolWithThirdYears("63", "clermont-nord", "REP", 100);
        String c = schoolWithThirdYears("63", "clermont-nord", "NONE", 130);
        String d = schoolWithThirdYears("63", "clermont-nord", "NONE", null);
        Fixtures.Offer pass3e = programme("63", 5, false, List.of(a, b, c, d), W05, W06);

        allocate(pass3e.hostBearer(), pass3e.id).statusCode(200)
                .body("totalSeats", equalTo(10))
                .body("weeks", equalTo(2))
                .body("seatsPerWeek", equalTo(5))
                .body("weights.repPlus", equalTo(1.5f))
                .body("schools", hasSize(4))
                .body("schools.find { it.uai == '" + a + "' }.seats", equalTo(4))
                .body("schools.find { it.uai == '" + a + "' }.weightedShare", equalTo(3.75f))
                .body("schools.find { it.uai == '" + a + "' }.rank", equalTo(1))
                .body("schools.find { it.uai == '" + b + "' }.seats", equalTo(3))
                .body("schools.find { it.uai == '" + c + "' }.seats", equalTo(3))
                .body("schools.find { it.uai == '" + d + "' }.counted", equalTo(false))
                .body("schools.find { it.uai == '" + d + "' }.seats", equalTo(0));

        assertThat(TestEvents.count("SELECT sum(seats) FROM programme_school_seats WHERE programme_id = ?",
                pass3e.id)).isEqualTo(10);
        assertThat(TestEvents.count("SELECT count(*) FROM programme_allocation WHERE programme_id = ? "
                + "AND total_seats = 10", pass3e.id)).isEqualTo(1);
        assertThat(TestEvents.count("SELECT count(*) FROM outbox_event WHERE type = 'programme.seats-allocated' "
                + "AND message_key = ? AND payload->>'totalSeats' = '10' "
                + "AND jsonb_array_length(payload->'schools') = 3", pass3e.id.toString())).isEqualTo(1);
        assertThat(TestEvents.count("SELECT count(*) FROM audit_log WHERE action = 'programme.seats-allocated'"))
                .isPositive();

        // a second computation while nobody is nominated recomputes (same figures), and publishes again
        allocate(admin(), pass3e.id).statusCode(200).body("version", equalTo(1));
        allocation(TestTokens.as(Roles.MINISTRY).claim("ministry", "MINARM").bearer(), pass3e.id).statusCode(200)
                .body("totalSeats", equalTo(10));
        allocation(TestTokens.as(Roles.TERRITORY).claim("departments", List.of("63")).bearer(), pass3e.id)
                .statusCode(200);
    }

    @Test
    void eachSchoolSeesItsOwnLineOnly() {
        String a = schoolWithThirdYears("63", "riom", "REP_PLUS", 100);
        String b = schoolWithThirdYears("63", "riom", "NONE", 130);
        Fixtures.Offer pass3e = programme("63", 5, false, List.of(a, b), W05);
        allocate(pass3e.hostBearer(), pass3e.id).statusCode(200);

        schoolLine(principal(a), pass3e.id, a).statusCode(200)
                .body("headcount", equalTo(100))
                .body("priority", equalTo("REP_PLUS"))
                .body("weight", equalTo(1.5f))
                .body("weightedHeadcount", equalTo(150.0f))
                .body("floor", equalTo(2))
                .body("seats", equalTo(3))
                .body("declined", equalTo(false));
        schoolLine(ripree(b), pass3e.id, b).statusCode(200).body("seats", equalTo(2));
        schoolLine(principal(a), pass3e.id, b).statusCode(403).contentType("application/problem+json");
        allocation(principal(a), pass3e.id).statusCode(403);
        schoolLine(pass3e.hostBearer(), pass3e.id, Fixtures.uai()).statusCode(404);
        schoolLine(principal(a), pass3e.id, "not-a-uai").statusCode(400);
    }

    @Test
    void onlyTheProgrammesHostOrAnAdminAllocates() {
        String a = schoolWithThirdYears("63", "thiers", "NONE", 40);
        Fixtures.Offer pass3e = programme("63", 2, false, List.of(a), W05);

        allocate(host(UUID.randomUUID()), pass3e.id).statusCode(403).body("detail", containsString("another organisation"));
        allocate(principal(a), pass3e.id).statusCode(403);
        allocate(Fixtures.pupilToken(UUID.randomUUID(), a), pass3e.id).statusCode(403);
        allocation(pass3e.hostBearer(), pass3e.id).statusCode(404); // not allocated yet
        allocate(pass3e.hostBearer(), UUID.randomUUID()).statusCode(404);
        Fixtures.Offer ordinary = Fixtures.offer("63", 2, W05);
        allocate(ordinary.hostBearer(), ordinary.id).statusCode(404).body("detail", containsString("no programme"));
        allocation(TestTokens.as(Roles.TERRITORY).claim("departments", List.of("59")).bearer(), pass3e.id)
                .statusCode(403);
    }

    @Test
    void whatCannotBeAllocatedIsA422() {
        String a = schoolWithThirdYears("63", "ambert", "NONE", 40);
        String b = schoolWithThirdYears("63", "ambert", "NONE", 40);
        String c = schoolWithThirdYears("63", "ambert", "NONE", 40);
        Fixtures.Offer tooSmall = programme("63", 2, true, List.of(a, b, c), W05);
        allocate(tooSmall.hostBearer(), tooSmall.id).statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("2 seats cannot give one seat to each of the 3 schools"));

        String silent = schoolWithThirdYears("63", "ambert", "NONE", null);
        Fixtures.Offer nobody = programme("63", 2, false, List.of(silent), W05);
        allocate(nobody.hostBearer(), nobody.id).statusCode(422).body("detail", containsString("no school"));
        assertThat(TestEvents.count("SELECT count(*) FROM programme_allocation WHERE programme_id IN (?, ?)",
                tooSmall.id, nobody.id)).isZero();
    }

    @Test
    void aTerritoryByBassinTakesItsSchoolsAndTheProgrammeDefinitionIsKept() {
        String a = schoolWithThirdYears("63", "issoire", "REP", 30);
        String b = schoolWithThirdYears("63", "issoire", "NONE", 30);
        schoolWithThirdYears("63", "brioude", "NONE", 30);
        Fixtures.Offer pass3e = new Fixtures.Offer(UUID.randomUUID(), "63", 3, List.of(W05));
        pass3e.kind = "PROGRAMME";
        pass3e.programme = Fixtures.programmeBlock(Map.of("bassin", "issoire"), true);
        pass3e.publish("offer.published");
        assertThat(TestEvents.count("SELECT count(*) FROM programme_copy WHERE offer_id = ? AND territory_bassin = "
                + "'issoire' AND minimum_one_seat_per_school AND cardinality(service_ids) = 3", pass3e.id)).isEqualTo(1);
        assertThat(TestEvents.count("SELECT count(*) FROM offer_view WHERE offer_id = ? AND kind = 'PROGRAMME'",
                pass3e.id)).isEqualTo(1);

        // minimum one each (2), the third seat to REP's larger weighted headcount (36 against 30)
        allocate(pass3e.hostBearer(), pass3e.id).statusCode(200)
                .body("schools", hasSize(2))
                .body("schools.find { it.uai == '" + a + "' }.seats", equalTo(2))
                .body("schools.find { it.uai == '" + b + "' }.seats", equalTo(1))
                .body("schools.find { it.uai == '" + b + "' }.guaranteedSeat", equalTo(1));
    }

    /** By hand: 10 seats 4/3/3 (as above); A declines: B 4 x 120/250 = 1.92, C 2.08: B 5, C 5. */
    @Test
    void aDecliningSchoolsSeatsGoToTheOthersAndNoneLosesAny() {
        String a = schoolWithThirdYears("63", "cournon", "REP_PLUS", 100);
        String b = schoolWithThirdYears("63", "cournon", "REP", 100);
        String c = schoolWithThirdYears("63", "cournon", "NONE", 130);
        Fixtures.Offer pass3e = programme("63", 5, false, List.of(a, b, c), W05, W06);
        allocate(pass3e.hostBearer(), pass3e.id).statusCode(200);

        decline(principal(b), pass3e.id, a).statusCode(403);
        decline(ripree(a), pass3e.id, a).statusCode(403);
        decline(principal(a), pass3e.id, a).statusCode(200).body("declined", equalTo(true)).body("seats", equalTo(0));
        allocation(pass3e.hostBearer(), pass3e.id).statusCode(200)
                .body("totalSeats", equalTo(10))
                .body("schools.find { it.uai == '" + b + "' }.seats", equalTo(5))
                .body("schools.find { it.uai == '" + b + "' }.extraSeats", equalTo(2))
                .body("schools.find { it.uai == '" + c + "' }.seats", equalTo(5));
        decline(principal(a), pass3e.id, a).statusCode(409).body("detail", containsString("already declined"));
        assertThat(TestEvents.count("SELECT count(*) FROM outbox_event WHERE type = 'programme.seats-allocated' "
                + "AND message_key = ?", pass3e.id.toString())).isEqualTo(2);
        assertThat(TestEvents.count("SELECT count(*) FROM programme_school_seats WHERE programme_id = ? AND uai = ? "
                + "AND declined AND declined_by IS NOT NULL", pass3e.id, a)).isEqualTo(1);

        // a recomputation (no nomination yet) leaves the declining school out
        allocate(pass3e.hostBearer(), pass3e.id).statusCode(200)
                .body("schools.find { it.uai == '" + a + "' }.declined", equalTo(true))
                .body("schools.find { it.uai == '" + a + "' }.seats", equalTo(0))
                .body("schools.find { it.uai == '" + a + "' }.rank", nullValue())
                .body("schools.find { it.uai == '" + b + "' }.seats", equalTo(5));
    }

    /** What the read models keep of the events: the kind (OFFER when absent), the 3e count; what they cannot use is poison. */
    @Test
    void theEventsCarryTheKindAndTheHeadcount_andWhatCannotBeReadGoesToTheDeadLetters() {
        Fixtures.Offer ordinary = Fixtures.offer("63", 2, W05);
        assertThat(TestEvents.count("SELECT count(*) FROM offer_view WHERE offer_id = ? AND kind = 'OFFER'",
                ordinary.id)).isEqualTo(1);
        String counted = schoolWithThirdYears("63", "gerzat", "REP", 87);
        assertThat(TestEvents.count("SELECT count(*) FROM school_view WHERE uai = ? AND third_year_pupils = 87 "
                + "AND bassin = 'gerzat'", counted)).isEqualTo(1);

        try (KafkaTestConsumer offersDlq = KafkaTestConsumer.fromNow(Topics.deadLetter(Topics.OFFERS));
             KafkaTestConsumer schoolsDlq = KafkaTestConsumer.fromNow(Topics.deadLetter(Topics.SCHOOLS))) {
            Fixtures.Offer twoTerritories = new Fixtures.Offer(UUID.randomUUID(), "63", 3, List.of(W05));
            twoTerritories.kind = "PROGRAMME";
            twoTerritories.programme = Fixtures.programmeBlock(Map.of("bassin", "gerzat", "uais", List.of(counted)),
                    false);
            twoTerritories.send("offer.published");
            Fixtures.Offer noBlock = new Fixtures.Offer(UUID.randomUUID(), "63", 3, List.of(W05));
            noBlock.kind = "PROGRAMME";
            noBlock.send("offer.published");
            Map<String, Object> school = new java.util.HashMap<>(Map.of("uai", counted, "priority", "REP",
                    "department", "63", "thirdYearPupils", -3, "occurredAt", java.time.Instant.now().toString()));
            TestEvents.publish(Topics.SCHOOLS, counted, "school.updated", "schools/" + counted, school,
                    java.time.Instant.now());

            offersDlq.awaitRecord(r -> twoTerritories.id.toString().equals(r.key()), Duration.ofSeconds(30));
            offersDlq.awaitRecord(r -> noBlock.id.toString().equals(r.key()), Duration.ofSeconds(30));
            schoolsDlq.awaitRecord(r -> counted.equals(r.key()), Duration.ofSeconds(30));
        }
        assertThat(TestEvents.count("SELECT count(*) FROM school_view WHERE uai = ? AND third_year_pupils = 87",
                counted)).isEqualTo(1);
    }
}
