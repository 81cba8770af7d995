package fr.tremplin.applications;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static fr.tremplin.applications.Fixtures.W05;
import static fr.tremplin.applications.Fixtures.W06;
import static fr.tremplin.applications.Fixtures.apply;
import static fr.tremplin.applications.Fixtures.applied;
import static fr.tremplin.applications.Fixtures.offer;
import static fr.tremplin.applications.Fixtures.pupilToken;
import static fr.tremplin.applications.Fixtures.relay;
import static fr.tremplin.applications.Fixtures.school;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

/**
 * No candidacy for a week that has begun (its Monday is today or earlier, by the service's clock), whether a pupil
 * or staff apply or a relay redirects: a 422 naming the week, and nothing stored. The clock is moved to Wednesday
 * 2 February 2028, in 2028-W05 of the fixtures' offers.
 */
@QuarkusTest
class BegunWeekTest {

    private static final Instant WEDNESDAY_OF_2028_W05 = Instant.parse("2028-02-02T09:00:00Z");
    /** Before the fixtures' weeks (2028-W05 and on), whatever the real date. */
    private static final Instant SEPTEMBER_2027 = Instant.parse("2027-09-01T09:00:00Z");
    private static final String CREUSE_RELAY = "relais-creuse";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void resetClock() {
        MovableClock.reset();
    }

    private static void duringTheWeek05() {
        moveTo(WEDNESDAY_OF_2028_W05);
    }

    private static void moveTo(Instant instant) {
        MovableClock.advance(Duration.between(MovableClock.now(), instant));
    }

    private static long candidaciesOf(UUID pupil) {
        return TestEvents.count("SELECT count(*) FROM application WHERE pupil_id = ?", pupil);
    }

    @Test
    void nobodyAppliesForAWeekThatHasBegun() {
        Fixtures.Offer offer = offer("01", 2, W05, W06);
        String uai = school("59", "REP_PLUS");
        UUID pupil = Fixtures.pupil(uai, UUID.randomUUID().toString(), "REP_PLUS");
        duringTheWeek05();

        apply(pupilToken(pupil, uai), offer.id, W05, null).statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("week"))
                .body("detail", containsString("2028-W05 has begun (on Monday 2028-01-31)"));
        apply(Fixtures.principal(uai), offer.id, W05, pupil).statusCode(422)
                .body("detail", containsString("2028-W05 has begun"));
        assertThat(candidaciesOf(pupil)).as("nothing stored").isZero();

        apply(pupilToken(pupil, uai), offer.id, W06, null).statusCode(201);
    }

    @Test
    void aRelayCannotRedirectToAWeekThatHasBegun() {
        Fixtures.registerRelay(CREUSE_RELAY, "23").statusCode(oneOf(200, 201));
        Fixtures.Offer first = offer("23", 2, W06);
        Fixtures.Offer other = offer("23", 2, W05, W06);
        String uai = school("23", "REP");
        UUID pupil = UUID.randomUUID();
        moveTo(SEPTEMBER_2027);
        UUID id = applied(pupil, uai, first, W06);
        duringTheWeek05();

        given().header("Authorization", relay(CREUSE_RELAY)).contentType(ContentType.JSON)
                .body(Map.of("offerId", other.id.toString(), "week", W05, "reason", "plus proche"))
                .post("/api/v1/applications/" + id + "/redirect")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("week"))
                .body("detail", containsString("2028-W05 has begun"));
        given().header("Authorization", relay(CREUSE_RELAY)).get("/api/v1/applications/" + id)
                .then().statusCode(200).body("state", equalTo("SUBMITTED"));
        assertThat(candidaciesOf(pupil)).as("no new candidacy").isEqualTo(1);
    }
}
