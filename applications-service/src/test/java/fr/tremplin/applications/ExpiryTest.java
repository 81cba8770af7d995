package fr.tremplin.applications;

import fr.tremplin.applications.service.ExpiryJob;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static fr.tremplin.applications.Fixtures.W05;
import static fr.tremplin.applications.Fixtures.act;
import static fr.tremplin.applications.Fixtures.applied;
import static fr.tremplin.applications.Fixtures.offer;
import static fr.tremplin.applications.Fixtures.pupilToken;
import static fr.tremplin.applications.Fixtures.relay;
import static fr.tremplin.applications.Fixtures.school;
import static fr.tremplin.applications.Fixtures.seats;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

/** The timers: unanswered candidacies and unconfirmed holds expire, once, even with two instances at work. */
@QuarkusTest
class ExpiryTest {

    private static final String RELAY = "face-ardennes";

    @Inject
    ExpiryJob expiry;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void resetClock() {
        MovableClock.reset();
    }

    @Test
    void candidaciesUnansweredForFifteenDaysExpire() {
        Fixtures.registerRelay(RELAY, "08").statusCode(oneOf(200, 201));
        Fixtures.Offer relayed = offer("08", 2, W05);
        Fixtures.Offer direct = offer("01", 2, W05);
        String uai = school("08", "REP");
        UUID submitted = applied(UUID.randomUUID(), uai, relayed, W05);
        UUID forwarded = applied(UUID.randomUUID(), uai, direct, W05);
        UUID answered = applied(UUID.randomUUID(), uai, direct, W05);

        MovableClock.advance(Duration.ofDays(14));
        act(direct.hostBearer(), answered, "accept", null).statusCode(200);
        expiry.run();
        state(submitted, relay(RELAY)).body("state", equalTo("SUBMITTED"));

        MovableClock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(expiry.run()).isGreaterThanOrEqualTo(2);
        state(submitted, relay(RELAY)).body("state", equalTo("EXPIRED"))
                .body("history[-1].action", equalTo("expire"))
                .body("history[-1].role", equalTo("system"))
                .body("history[-1].from", equalTo("SUBMITTED"));
        state(forwarded, direct.hostBearer()).body("state", equalTo("EXPIRED"));
        // accepted on day 14: its hold (5 days) runs on
        state(answered, direct.hostBearer()).body("state", equalTo("ACCEPTED"));
        assertThat(TestEvents.count("SELECT count(*) FROM outbox_event WHERE type = 'application.expired' "
                + "AND message_key IN (?, ?)", submitted.toString(), forwarded.toString())).isEqualTo(2);
        // idempotent: nothing more to do
        expiry.run();
        assertThat(TestEvents.count("SELECT count(*) FROM application_transition WHERE action = 'expire' "
                + "AND application_id IN (?, ?)", submitted, forwarded)).isEqualTo(2);
    }

    @Test
    void aHoldNotConfirmedInTimeExpiresAndReleasesItsSeat() {
        Fixtures.Offer offer = offer("01", 1, W05);
        String uai = school("01", "REP");
        UUID pupil = UUID.randomUUID();
        UUID id = applied(pupil, uai, offer, W05);
        act(offer.hostBearer(), id, "accept", null).statusCode(200);
        seats(offer).body("weeks[0].held", equalTo(1));

        MovableClock.advance(Duration.ofDays(5).plusMinutes(1));
        // the family is too late, even before the timer ran
        act(pupilToken(pupil, uai), id, "confirm", null).statusCode(409).body("detail", containsString("expired"));
        expiry.run();
        state(id, offer.hostBearer()).body("state", equalTo("EXPIRED")).body("history[-1].from", equalTo("ACCEPTED"));
        seats(offer).body("weeks[0].held", equalTo(0)).body("weeks[0].free", equalTo(1));
        act(pupilToken(pupil, uai), id, "confirm", null).statusCode(409).body("currentState", equalTo("EXPIRED"));
    }

    @Test
    void twoInstancesRunningTheTimerAtOnceExpireEachCandidacyOnce() throws Exception {
        Fixtures.Offer offer = offer("01", 40, W05);
        String uai = school("01", "REP");
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            UUID id = applied(UUID.randomUUID(), uai, offer, W05);
            if (i % 2 == 0) {
                act(offer.hostBearer(), id, "accept", null).statusCode(200);
            }
            ids.add(id);
        }
        MovableClock.advance(Duration.ofDays(16));

        ExecutorService instances = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            Future<Integer> first = instances.submit(() -> { go.await(); return expiry.run(); });
            Future<Integer> second = instances.submit(() -> { go.await(); return expiry.run(); });
            go.countDown();
            assertThat(first.get() + second.get()).isGreaterThanOrEqualTo(30);
        } finally {
            instances.shutdownNow();
        }
        for (UUID id : ids) {
            assertThat(TestEvents.count("SELECT count(*) FROM application_transition WHERE action = 'expire' "
                    + "AND application_id = ?", id)).as("expired once: " + id).isEqualTo(1);
            assertThat(TestEvents.count("SELECT count(*) FROM outbox_event WHERE type = 'application.expired' "
                    + "AND message_key = ?", id.toString())).isEqualTo(1);
        }
        seats(offer).body("weeks[0].held", equalTo(0));
    }

    private static io.restassured.response.ValidatableResponse state(UUID id, String bearer) {
        return given().header("Authorization", bearer).get("/api/v1/applications/" + id).then().statusCode(200);
    }
}
