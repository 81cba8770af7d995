package fr.tremplin.applications;

import fr.tremplin.common.security.Roles;
import fr.tremplin.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.tremplin.applications.Fixtures.W05;
import static fr.tremplin.applications.Fixtures.W06;
import static fr.tremplin.applications.Fixtures.W07;
import static fr.tremplin.applications.Fixtures.admin;
import static fr.tremplin.applications.Fixtures.host;
import static fr.tremplin.applications.Fixtures.principal;
import static fr.tremplin.applications.Fixtures.programme;
import static fr.tremplin.applications.Fixtures.ripree;
import static fr.tremplin.applications.Fixtures.schoolWithThirdYears;
import static fr.tremplin.applications.ProgrammeAllocationTest.allocate;
import static fr.tremplin.applications.ProgrammeAllocationTest.decline;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** Issue 13: schools nominate their pupils to a programme's weeks; the host accepts a week in bulk. */
@QuarkusTest
class NominationTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static ValidatableResponse nominate(String bearer, UUID programmeId, UUID pupilId, String week, String gender) {
        Map<String, Object> body = new HashMap<>();
        body.put("pupilId", pupilId.toString());
        body.put("week", week);
        if (gender != null) {
            body.put("gender", gender);
        }
        return given().header("Authorization", bearer).contentType(ContentType.JSON).body(body)
                .post("/api/v1/programmes/" + programmeId + "/nominations").then();
    }

    static ValidatableResponse nominations(String bearer, UUID programmeId, String query) {
        return given().header("Authorization", bearer)
                .get("/api/v1/programmes/" + programmeId + "/nominations" + query).then();
    }

    static ValidatableResponse acceptAll(String bearer, UUID programmeId, String week) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON).body(Map.of("week", week))
                .post("/api/v1/programmes/" + programmeId + "/nominations/accept").then();
    }

    /** 2 seats over A (10 REP+, 15 weighted) and B (10, 10): quotas 1.2 and 0.8, so one seat each. */
    @Test
    void aNominationBecomesACandidacyForwardedAtOnceByTheSystemWithinTheSchoolsSeats() {
        Fixtures.registerRelay("puy-de-dome-nom", "63").statusCode(201);
        String a = schoolWithThirdYears("63", "clermont-sud", "REP_PLUS", 10);
        String b = schoolWithThirdYears("63", "clermont-sud", "NONE", 10);
        UUID firstOfA = Fixtures.pupil(a, "3A", "REP_PLUS");
        UUID secondOfA = Fixtures.pupil(a, "3B", "REP_PLUS");
        UUID ofB = Fixtures.pupil(b, "3A", "NONE");
        Fixtures.Offer pass3e = programme("63", 2, false, List.of(a, b), W05);

        nominate(principal(a), pass3e.id, firstOfA, W05, "F").statusCode(409)
                .body("detail", containsString("not allocated"));
        allocate(pass3e.hostBearer(), pass3e.id).statusCode(200);

        String id = nominate(principal(a), pass3e.id, firstOfA, W05, "F").statusCode(201)
                .header("Location", containsString("/api/v1/applications/"))
                .body("state", equalTo("FORWARDED"))
                .body("origin", equalTo("NOMINATION"))
                .body("relayId", nullValue())
                .body("offerId", equalTo(pass3e.id.toString()))
                .body("schoolUai", equalTo(a))
                .body("history", hasSize(2))
                .body("history[0].action", equalTo("submit"))
                .body("history[0].role", equalTo("principal"))
                .body("history[1].action", equalTo("forward"))
                .body("history[1].role", equalTo("system"))
                .extract().path("id");
        assertThat(TestEvents.count("SELECT count(*) FROM nomination WHERE application_id = ? AND gender = 'F' "
                + "AND school_uai = ? AND week = ? AND nominated_by_role = 'principal'", UUID.fromString(id), a, W05))
                .isEqualTo(1);
        assertThat(TestEvents.count("SELECT count(*) FROM outbox_event WHERE message_key = ? AND type IN "
                + "('application.submitted', 'application.forwarded', 'programme.nominated')", id)).isEqualTo(3);
        assertThat(TestEvents.count("SELECT count(*) FROM outbox_event WHERE type = 'programme.nominated' "
                + "AND message_key = ? AND payload->>'schoolUai' = ? AND payload->'pupilId' IS NULL "
                + "AND payload::text NOT LIKE '%gender%'", id, a)).isEqualTo(1);
        // the host sees it in its ordinary list of candidacies too
        given().header("Authorization", pass3e.hostBearer()).get("/api/v1/applications/" + id).then()
                .statusCode(200).body("state", equalTo("FORWARDED"));

        nominate(principal(a), pass3e.id, secondOfA, W05, null).statusCode(409)
                .body("detail", containsString("1 seat(s) in this programme are all nominated"));
        nominate(principal(a), pass3e.id, ofB, W05, null).statusCode(403);
        nominate(principal(a), pass3e.id, firstOfA, W05, "X").statusCode(400)
                .body("violations[0].field", containsString("gender"));
        nominate(Fixtures.mainTeacher(a, "3B"), pass3e.id, secondOfA, W05, null).statusCode(403);
        nominate(ripree(b), pass3e.id, ofB, W05, null).statusCode(201).body("history[0].role", equalTo("ripree"));
        nominate(principal(a), pass3e.id, UUID.randomUUID(), W05, null).statusCode(422);
        nominate(principal(a), UUID.randomUUID(), secondOfA, W05, null).statusCode(404);

        // the seats are fixed once schools nominate; a school with nominations cannot decline
        allocate(pass3e.hostBearer(), pass3e.id).statusCode(409).body("detail", containsString("nominated"));
        decline(principal(a), pass3e.id, a).statusCode(409).body("detail", containsString("cancel them"));
        // a pupil does not apply to a programme
        Fixtures.apply(Fixtures.pupilToken(secondOfA, a), pass3e.id, W05, null).statusCode(422)
                .body("violations[0].message", containsString("given by nomination"));

        nominations(principal(a), pass3e.id, "").statusCode(200).body("totalItems", equalTo(1))
                .body("items[0].applicationId", equalTo(id)).body("items[0].gender", equalTo("F"))
                .body("items[0].state", equalTo("FORWARDED"));
        nominations(principal(a), pass3e.id, "?school=" + b).statusCode(403);
        nominations(pass3e.hostBearer(), pass3e.id, "").statusCode(200).body("totalItems", equalTo(2));
        nominations(admin(), pass3e.id, "?school=" + b).statusCode(200).body("items", hasSize(1))
                .body("items[0].nominatedByRole", equalTo("ripree"));
        nominations(pass3e.hostBearer(), pass3e.id, "?week=" + W06).statusCode(200).body("items", empty());
        nominations(host(UUID.randomUUID()), pass3e.id, "").statusCode(403);
        nominations(Fixtures.pupilToken(firstOfA, a), pass3e.id, "").statusCode(403);
        nominations(pass3e.hostBearer(), pass3e.id, "?size=0").statusCode(400);
    }

    /** 1 seat a week over two weeks: A and B have one seat each, but not both in the same week. */
    @Test
    void aWeekTakesNoMoreNominationsThanItsSeats() {
        String a = schoolWithThirdYears("63", "volvic", "REP_PLUS", 10);
        String b = schoolWithThirdYears("63", "volvic", "NONE", 10);
        UUID ofA = Fixtures.pupil(a, "3A", "REP_PLUS");
        UUID ofB = Fixtures.pupil(b, "3A", "NONE");
        String silent = schoolWithThirdYears("63", "volvic", "NONE", null);
        UUID ofSilent = Fixtures.pupil(silent, "3A", "NONE");
        Fixtures.Offer pass3e = programme("63", 1, false, List.of(a, b, silent), W05, W06);
        allocate(pass3e.hostBearer(), pass3e.id).statusCode(200).body("totalSeats", equalTo(2));
        nominate(principal(silent), pass3e.id, ofSilent, W06, null).statusCode(422)
                .body("violations[0].message", containsString("declared no 3e headcount"));

        nominate(principal(a), pass3e.id, ofA, W05, null).statusCode(201);
        nominate(principal(b), pass3e.id, ofB, W05, null).statusCode(409)
                .body("detail", containsString("seats of week " + W05 + " are all nominated"));
        nominate(principal(b), pass3e.id, ofB, W07, null).statusCode(422).body("violations[0].field", equalTo("week"));
        nominate(principal(b), pass3e.id, ofB, W06, null).statusCode(201);
    }

    /** 3 nominations of one week; the week then shrinks to 2 seats: the bulk accept holds 2, refuses the third. */
    @Test
    void theHostAcceptsAWeeksNominationsInBulkWithinItsSeats() {
        String a = schoolWithThirdYears("63", "lezoux", "NONE", 10);
        String b = schoolWithThirdYears("63", "lezoux", "NONE", 10);
        String c = schoolWithThirdYears("63", "lezoux", "NONE", 10);
        Fixtures.Offer pass3e = programme("63", 3, false, List.of(a, b, c), W05);
        allocate(pass3e.hostBearer(), pass3e.id).statusCode(200);
        String first = nominate(principal(a), pass3e.id, Fixtures.pupil(a, "3A", "NONE"), W05, null)
                .statusCode(201).extract().path("id");
        String second = nominate(principal(b), pass3e.id, Fixtures.pupil(b, "3A", "NONE"), W05, null)
                .statusCode(201).extract().path("id");
        String third = nominate(principal(c), pass3e.id, Fixtures.pupil(c, "3A", "NONE"), W05, null)
                .statusCode(201).extract().path("id");
        pass3e.capacity = 2;
        pass3e.publish("offer.updated");

        acceptAll(host(UUID.randomUUID()), pass3e.id, W05).statusCode(403);
        acceptAll(principal(a), pass3e.id, W05).statusCode(403);
        acceptAll(pass3e.hostBearer(), pass3e.id, W07).statusCode(422);
        acceptAll(pass3e.hostBearer(), pass3e.id, "2028-5").statusCode(400);

        acceptAll(pass3e.hostBearer(), pass3e.id, W05).statusCode(200)
                .body("week", equalTo(W05))
                .body("accepted", contains(first, second))
                .body("refused", hasSize(1))
                .body("refused[0].applicationId", equalTo(third))
                .body("refused[0].reason", containsString("no seat left"));
        Fixtures.seats(pass3e).statusCode(200).body("weeks[0].held", equalTo(2)).body("weeks[0].capacity", equalTo(2));
        given().header("Authorization", pass3e.hostBearer()).get("/api/v1/applications/" + first).then()
                .body("state", equalTo("ACCEPTED")).body("history[2].action", equalTo("accept"))
                .body("history[2].role", equalTo("host")).body("holdExpiresAt", org.hamcrest.Matchers.notNullValue());
        assertThat(TestEvents.count("SELECT count(*) FROM outbox_event WHERE type = 'application.accepted' "
                + "AND message_key IN (?, ?, ?)", first, second, third)).isEqualTo(2);

        // nothing left to accept but the refused one, which stays FORWARDED
        acceptAll(pass3e.hostBearer(), pass3e.id, W05).statusCode(200)
                .body("accepted", empty()).body("refused[0].applicationId", equalTo(third));
        nominations(pass3e.hostBearer(), pass3e.id, "?week=" + W05).body("items.state",
                contains("ACCEPTED", "ACCEPTED", "FORWARDED"));
    }

    /** A principal's client that retries a nomination (a lost answer) gets the first answer again, not a second one. */
    @Test
    void aNominationRetriedWithItsIdempotencyKeyIsMadeOnce() {
        String a = schoolWithThirdYears("63", "riom", "REP_PLUS", 10);
        UUID pupil = Fixtures.pupil(a, "3A", "REP_PLUS");
        UUID other = Fixtures.pupil(a, "3B", "REP_PLUS");
        Fixtures.Offer pass3e = programme("63", 2, false, List.of(a), W05);
        allocate(pass3e.hostBearer(), pass3e.id).statusCode(200);
        String key = UUID.randomUUID().toString();
        String principal = principal(a); // one person: keys are the caller's own
        Map<String, Object> body = Map.of("pupilId", pupil.toString(), "week", W05, "gender", "F");

        String first = given().header("Authorization", principal).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/v1/programmes/" + pass3e.id + "/nominations")
                .then().statusCode(201).extract().path("id");
        given().header("Authorization", principal).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/v1/programmes/" + pass3e.id + "/nominations")
                .then().statusCode(201).body("id", equalTo(first))
                .header("Location", containsString("/api/v1/applications/" + first));
        assertThat(TestEvents.count("SELECT count(*) FROM nomination WHERE school_uai = ?", a)).isEqualTo(1);
        assertThat(TestEvents.count("SELECT count(*) FROM outbox_event WHERE type = 'programme.nominated' "
                + "AND message_key = ?", first)).isEqualTo(1);

        // the same key for another pupil is the client's mistake, not a retry: refused, nothing made; another
        // person's same key is theirs alone, and is not replayed to them
        given().header("Authorization", principal(a)).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/v1/programmes/" + pass3e.id + "/nominations").then().statusCode(409)
                .body("detail", containsString("already applied"));
        given().header("Authorization", principal).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("pupilId", other.toString(), "week", W05))
                .post("/api/v1/programmes/" + pass3e.id + "/nominations").then().statusCode(422);
        assertThat(TestEvents.count("SELECT count(*) FROM nomination WHERE school_uai = ?", a)).isEqualTo(1);
    }

    @Test
    void thePupilsErasureTakesTheGenderTheSchoolGave() {
        String a = schoolWithThirdYears("63", "billom", "REP", 10);
        UUID pupil = Fixtures.pupil(a, "3A", "REP");
        Fixtures.Offer pass3e = programme("63", 2, false, List.of(a), W05);
        allocate(pass3e.hostBearer(), pass3e.id).statusCode(200);
        String id = nominate(principal(a), pass3e.id, pupil, W05, "M").statusCode(201).extract().path("id");

        TestEvents.awaitProcessed(Fixtures.publishPupil("pupil.erased", pupil, null, null, null,
                Instant.now().plusSeconds(10)));
        assertThat(TestEvents.count("SELECT count(*) FROM nomination WHERE application_id = ? AND gender IS NULL",
                UUID.fromString(id))).isEqualTo(1);
        given().header("Authorization", TestTokens.as(Roles.ADMIN).bearer()).get("/api/v1/applications/" + id).then()
                .body("state", equalTo("CANCELLED"));
        nominations(admin(), pass3e.id, "").body("items[0].gender", nullValue());
    }
}
