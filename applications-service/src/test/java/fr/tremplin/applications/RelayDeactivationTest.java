package fr.tremplin.applications;

import fr.tremplin.common.security.Roles;
import fr.tremplin.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static fr.tremplin.applications.Fixtures.W05;
import static fr.tremplin.applications.Fixtures.act;
import static fr.tremplin.applications.Fixtures.admin;
import static fr.tremplin.applications.Fixtures.applied;
import static fr.tremplin.applications.Fixtures.offer;
import static fr.tremplin.applications.Fixtures.relay;
import static fr.tremplin.applications.Fixtures.relayAgent;
import static fr.tremplin.applications.Fixtures.school;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Relays deactivated, reactivated and deleted by admins (issue 10): what a relay holds in triage is handed back
 * (forwarded to the host by the system, with its history line and its event), nothing new is routed to it, its
 * agents cannot act, and the audit trail says who did it.
 */
@QuarkusTest
class RelayDeactivationTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aDeactivatedRelayHandsBackItsTriageGetsNothingNewAndCannotActUntilReactivated() {
        String relayId = "face-ardennes";
        Fixtures.registerRelay(relayId, "08").statusCode(201);
        Fixtures.Offer offer = offer("08", 10, W05);
        String uai = school("08", "REP");
        UUID leased = applied(UUID.randomUUID(), uai, offer, W05);
        UUID waiting = applied(UUID.randomUUID(), uai, offer, W05);
        UUID forwarded = applied(UUID.randomUUID(), uai, offer, W05);
        given().header("Authorization", relayAgent(relayId, "agent-1")).post("/api/v1/relays/" + relayId
                + "/queue/claim?size=1").then().statusCode(200).body("items", hasSize(1));
        act(relay(relayId), forwarded, "forward", null).statusCode(200);

        given().header("Authorization", relay(relayId)).post("/api/v1/relays/" + relayId + "/deactivate").then()
                .statusCode(403).contentType("application/problem+json");
        String adminBearer = TestTokens.as(Roles.ADMIN).subject("admin-deactivating").bearer();
        given().header("Authorization", adminBearer).post("/api/v1/relays/" + relayId + "/deactivate").then()
                .statusCode(200).body("active", equalTo(false)).body("deactivatedAt", notNullValue())
                .body("departments", equalTo(List.of("08")));

        for (UUID id : List.of(leased, waiting)) {
            assertThat(TestEvents.count("SELECT count(*) FROM application WHERE id = ? AND state = 'FORWARDED' "
                    + "AND claimed_by IS NULL AND claimed_until IS NULL AND forwarded_at IS NOT NULL", id))
                    .as("handed back: " + id).isEqualTo(1);
            assertThat(TestEvents.count("SELECT count(*) FROM application_transition WHERE application_id = ? "
                    + "AND action = 'forward' AND from_state = 'SUBMITTED' AND to_state = 'FORWARDED' "
                    + "AND actor = 'system' AND actor_role = 'system' AND reason = 'relay deactivated'", id))
                    .isEqualTo(1);
            assertThat(TestEvents.count("SELECT count(*) FROM outbox_event WHERE type = 'application.forwarded' "
                    + "AND payload->>'applicationId' = ? AND payload->>'actor' = 'system' "
                    + "AND payload->>'reason' = 'relay deactivated' AND payload->>'state' = 'FORWARDED' "
                    + "AND headers->>'relay' = ?", id.toString(), relayId)).isEqualTo(1);
        }
        // what the relay had already forwarded keeps its single forward (by the relay)
        assertThat(TestEvents.count("SELECT count(*) FROM application_transition WHERE application_id = ? "
                + "AND action = 'forward'", forwarded)).isEqualTo(1);
        assertThat(TestEvents.count("SELECT count(*) FROM audit_log WHERE action = 'relay.deactivated' "
                + "AND entity_type = 'relay' AND entity_id = ? AND actor = 'admin-deactivating' AND actor_role = 'admin' "
                + "AND detail = 'handedBack=2'", relayId)).isEqualTo(1);

        // nothing new goes to it: a new candidacy of its département goes straight to the host
        UUID during = applied(UUID.randomUUID(), uai, offer, W05);
        given().header("Authorization", admin()).get("/api/v1/applications/" + during).then().statusCode(200)
                .body("state", equalTo("FORWARDED")).body("relayId", nullValue())
                .body("history[1].role", equalTo("system"));
        // its agents cannot act
        given().header("Authorization", relayAgent(relayId, "agent-1")).post("/api/v1/relays/" + relayId
                + "/queue/claim").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("deactivated"));
        given().header("Authorization", relay(relayId)).get("/api/v1/relays/" + relayId + "/queue").then()
                .statusCode(200).body("totalItems", equalTo(0));

        // deactivating again changes nothing and audits nothing more
        given().header("Authorization", adminBearer).post("/api/v1/relays/" + relayId + "/deactivate").then()
                .statusCode(200).body("active", equalTo(false));
        assertThat(TestEvents.count("SELECT count(*) FROM audit_log WHERE action = 'relay.deactivated' "
                + "AND entity_id = ?", relayId)).isEqualTo(1);

        // reactivated: new candidacies go to it again, those handed back stay with the host
        given().header("Authorization", adminBearer).post("/api/v1/relays/" + relayId + "/activate").then()
                .statusCode(200).body("active", equalTo(true)).body("deactivatedAt", nullValue());
        assertThat(TestEvents.count("SELECT count(*) FROM audit_log WHERE action = 'relay.reactivated' "
                + "AND entity_id = ? AND actor = 'admin-deactivating'", relayId)).isEqualTo(1);
        UUID after = applied(UUID.randomUUID(), uai, offer, W05);
        given().header("Authorization", admin()).get("/api/v1/applications/" + after).then()
                .body("state", equalTo("SUBMITTED")).body("relayId", equalTo(relayId));
        act(relay(relayId), after, "forward", null).statusCode(200);
        assertThat(TestEvents.count("SELECT count(*) FROM application WHERE id IN (?, ?) AND state = 'FORWARDED'",
                leased, waiting)).isEqualTo(2);

        given().header("Authorization", admin()).post("/api/v1/relays/face-nowhere/deactivate").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aDeletedRelayHandsBackItsTriageAndFreesItsDepartements() {
        String relayId = "face-aube";
        Fixtures.registerRelay(relayId, "10", "51").statusCode(201);
        Fixtures.Offer offer = offer("10", 10, W05);
        String uai = school("10", "REP_PLUS");
        UUID inTriage = applied(UUID.randomUUID(), uai, offer, W05);
        UUID rejected = applied(UUID.randomUUID(), uai, offer, W05);
        act(relay(relayId), rejected, "reject", "hors secteur").statusCode(200);

        given().header("Authorization", relay(relayId)).delete("/api/v1/relays/" + relayId).then().statusCode(403);
        String adminBearer = TestTokens.as(Roles.ADMIN).subject("admin-deleting").bearer();
        given().header("Authorization", adminBearer).delete("/api/v1/relays/" + relayId).then().statusCode(204);

        assertThat(TestEvents.count("SELECT count(*) FROM relay WHERE id = ?", relayId)).isZero();
        assertThat(TestEvents.count("SELECT count(*) FROM relay_department WHERE relay_id = ?", relayId)).isZero();
        assertThat(TestEvents.count("SELECT count(*) FROM application WHERE id = ? AND state = 'FORWARDED'",
                inTriage)).isEqualTo(1);
        assertThat(TestEvents.count("SELECT count(*) FROM application_transition WHERE application_id = ? "
                + "AND action = 'forward' AND actor_role = 'system' AND reason = 'relay deleted'", inTriage))
                .isEqualTo(1);
        assertThat(TestEvents.count("SELECT count(*) FROM outbox_event WHERE type = 'application.forwarded' "
                + "AND payload->>'applicationId' = ? AND payload->>'reason' = 'relay deleted'", inTriage.toString()))
                .isEqualTo(1);
        assertThat(TestEvents.count("SELECT count(*) FROM application WHERE id = ? AND state = 'REJECTED' "
                + "AND relay_id = ?", rejected, relayId)).as("its history stays").isEqualTo(1);
        assertThat(TestEvents.count("SELECT count(*) FROM audit_log WHERE action = 'relay.deleted' "
                + "AND entity_id = ? AND actor = 'admin-deleting' AND detail = 'handedBack=1'", relayId)).isEqualTo(1);

        given().header("Authorization", admin()).get("/api/v1/relays/" + relayId).then().statusCode(404);
        given().header("Authorization", admin()).delete("/api/v1/relays/" + relayId).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", relay(relayId)).post("/api/v1/relays/" + relayId + "/queue/claim").then()
                .statusCode(403);
        UUID after = applied(UUID.randomUUID(), uai, offer, W05);
        given().header("Authorization", admin()).get("/api/v1/applications/" + after).then()
                .body("state", equalTo("FORWARDED"));
        // its départements are free for another relay
        Fixtures.registerRelay("adie-aube", "10", "51").statusCode(201);
    }

    @Test
    void noCandidacySubmittedWhileTheRelayIsDeactivatedStaysInItsTriage() throws Exception {
        String relayId = "face-marne";
        Fixtures.registerRelay(relayId, "52").statusCode(201);
        Fixtures.Offer offer = offer("52", 50, W05);
        String uai = school("52", "REP");
        int pupils = 16;
        ExecutorService pool = Executors.newFixedThreadPool(pupils + 1);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < pupils; i++) {
                UUID pupil = UUID.randomUUID();
                answers.add(pool.submit(() -> {
                    start.await();
                    return Fixtures.apply(Fixtures.pupilToken(pupil, uai), offer.id, W05, null).extract().statusCode();
                }));
                if (i == pupils / 2) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return given().header("Authorization", admin())
                                .post("/api/v1/relays/" + relayId + "/deactivate").then().extract().statusCode();
                    }));
                }
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isIn(200, 201);
            }
        } finally {
            pool.shutdownNow();
        }
        // each candidacy was either handed back by the deactivation or never routed to the relay: none waits for it
        assertThat(TestEvents.count("SELECT count(*) FROM application WHERE offer_id = ?", offer.id)).isEqualTo(pupils);
        assertThat(TestEvents.count("SELECT count(*) FROM application WHERE offer_id = ? AND state = 'FORWARDED'",
                offer.id)).isEqualTo(pupils);
        long handedBack = TestEvents.count("SELECT count(*) FROM application_transition t JOIN application a "
                + "ON a.id = t.application_id WHERE a.offer_id = ? AND t.reason = 'relay deactivated'", offer.id);
        assertThat(TestEvents.count("SELECT count(*) FROM application WHERE offer_id = ? AND relay_id = ?", offer.id,
                relayId)).isEqualTo(handedBack);
        assertThat(TestEvents.count("SELECT count(*) FROM audit_log WHERE action = 'relay.deactivated' "
                + "AND entity_id = ? AND detail = ?", relayId, "handedBack=" + handedBack)).isEqualTo(1);
    }

    @Test
    void relayIdsOutsideThePatternAreA400NamingTheParameter() {
        for (String id : List.of("null", "NULL", "undefined", "a", "x".repeat(64), "face--nord", "face-nord-",
                "face%20nord", "face%00nord", "face%09nord", "fâce")) {
            given().header("Authorization", admin()).get("/api/v1/relays/" + id).then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("relayId"));
            given().header("Authorization", admin()).delete("/api/v1/relays/" + id).then().statusCode(400)
                    .body("violations[0].field", equalTo("relayId"));
        }
        Fixtures.registerRelay("null", "08").statusCode(400).body("violations[0].field", equalTo("relayId"));
        given().header("Authorization", admin()).post("/api/v1/relays/undefined/deactivate").then().statusCode(400)
                .body("violations[0].field", equalTo("relayId"));
        given().header("Authorization", relay("null")).post("/api/v1/relays/null/queue/claim").then().statusCode(400)
                .body("violations[0].field", equalTo("relayId"));
        assertThat(TestEvents.count("SELECT count(*) FROM relay WHERE id IN ('null', 'undefined')")).isZero();
    }

    @Test
    void aUuidParameterThatIsNoUuidIsA400NamingIt() {
        given().header("Authorization", admin()).get("/api/v1/applications/not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("id"));
        given().header("Authorization", admin()).get("/api/v1/applications/null").then().statusCode(400)
                .body("violations[0].field", equalTo("id"));
        given().header("Authorization", admin()).get("/api/v1/applications?offerId=not-a-uuid").then()
                .statusCode(400).body("violations[0].field", equalTo("offerId"));
        given().header("Authorization", admin()).get("/api/v1/applications?pupilId=").then()
                .statusCode(400).body("violations[0].field", equalTo("pupilId"));
        given().header("Authorization", admin()).get("/api/v1/applications/seats/null").then().statusCode(400)
                .body("violations[0].field", equalTo("offerId"));
        given().header("Authorization", relay("face-ardennes")).contentType("application/json").body("{\"reason\":\"x\"}")
                .post("/api/v1/applications/" + "1-2-3-4-5" + "/forward").then().statusCode(400)
                .body("violations[0].field", equalTo("id"));
        given().header("Authorization", Fixtures.pupilToken(UUID.randomUUID(), "0590001A"))
                .contentType("application/json").body("{\"offerId\":\"not-a-uuid\",\"week\":\"2028-W05\"}")
                .post("/api/v1/applications").then().statusCode(400).body("violations[0].field", equalTo("offerId"));
    }
}
