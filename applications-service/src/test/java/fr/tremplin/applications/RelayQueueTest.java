package fr.tremplin.applications;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static fr.tremplin.applications.Fixtures.W05;
import static fr.tremplin.applications.Fixtures.W06;
import static fr.tremplin.applications.Fixtures.act;
import static fr.tremplin.applications.Fixtures.admin;
import static fr.tremplin.applications.Fixtures.applied;
import static fr.tremplin.applications.Fixtures.offer;
import static fr.tremplin.applications.Fixtures.pupilToken;
import static fr.tremplin.applications.Fixtures.relay;
import static fr.tremplin.applications.Fixtures.relayAgent;
import static fr.tremplin.applications.Fixtures.school;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.oneOf;

/** Relays: their territories (admin), their queue by REST, the claim that keeps two agents apart, redirections. */
@QuarkusTest
class RelayQueueTest {

    private static final String RELAY = "face-somme";
    private static final String AISNE = "face-aisne";
    private static final String OISE = "face-oise";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void relays() {
        // one relay per test, so that one test's queue is not another's
        Fixtures.registerRelay(RELAY, "80", "76").statusCode(oneOf(200, 201));
        Fixtures.registerRelay(AISNE, "02").statusCode(oneOf(200, 201));
        Fixtures.registerRelay(OISE, "60").statusCode(oneOf(200, 201));
    }

    @AfterEach
    void resetClock() {
        MovableClock.reset();
    }

    @Test
    void relaysAreRegisteredByAdminsWithDisjointTerritories() {
        given().header("Authorization", admin()).get("/api/v1/relays/" + RELAY).then().statusCode(200)
                .body("departments", equalTo(List.of("76", "80")));
        Fixtures.registerRelay("adie-picardie", "27").statusCode(201).header("Location", containsString("/api/v1/relays/adie-picardie"));
        Fixtures.registerRelay("adie-picardie", "27", "80").statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("80 (face-somme)"));
        Fixtures.registerRelay("adie-picardie", "27", "99").statusCode(400).body("violations[0].field", containsString("departments"));
        Fixtures.registerRelay("Bad Id!", "28").statusCode(400);
        given().header("Authorization", relay(RELAY)).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "departments", List.of("28"))).put("/api/v1/relays/" + RELAY).then().statusCode(403);
        given().header("Authorization", admin()).get("/api/v1/relays").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItems(RELAY, "adie-picardie"));
        given().header("Authorization", relay(RELAY)).get("/api/v1/relays/" + RELAY).then().statusCode(200);
        given().header("Authorization", relay(RELAY)).get("/api/v1/relays/adie-picardie").then().statusCode(403);
        given().header("Authorization", admin()).get("/api/v1/relays/nobody").then().statusCode(404);
    }

    @Test
    void theQueueListsTheRelaysSubmittedCandidaciesOldestFirst() {
        Fixtures.Offer offer = offer("80", 5, W05);
        String uai = school("80", "REP");
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(applied(UUID.randomUUID(), uai, offer, W05));
        }
        act(relay(RELAY), ids.get(1), "forward", null).statusCode(200);

        given().header("Authorization", relay(RELAY)).get("/api/v1/relays/" + RELAY + "/queue?size=1").then()
                .statusCode(200).body("totalItems", equalTo(2)).body("size", equalTo(1))
                .body("items[0].id", equalTo(ids.get(0).toString()));
        given().header("Authorization", relay(RELAY)).get("/api/v1/relays/" + RELAY + "/queue?page=1&size=1").then()
                .body("items[0].id", equalTo(ids.get(2).toString()))
                .body("items[0].schoolPriority", equalTo("REP"))
                .body("items[0].department", equalTo("80"));
        given().header("Authorization", relay("face-autre")).get("/api/v1/relays/" + RELAY + "/queue").then()
                .statusCode(403).contentType("application/problem+json");
        given().header("Authorization", relay("face-autre")).post("/api/v1/relays/" + RELAY + "/queue/claim").then()
                .statusCode(403);
        given().header("Authorization", pupilToken(UUID.randomUUID(), uai)).get("/api/v1/relays/" + RELAY + "/queue").then()
                .statusCode(403);
        given().header("Authorization", relay(RELAY)).post("/api/v1/relays/" + RELAY + "/queue/claim?size=0").then()
                .statusCode(400);
    }

    @Test
    void twoAgentsClaimingAtOnceGetDisjointBatchesAndCannotTriageEachOthers() throws Exception {
        Fixtures.Offer offer = offer("02", 10, W05);
        String uai = school("02", "REP");
        Set<String> all = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            all.add(applied(UUID.randomUUID(), uai, offer, W05).toString());
        }
        String alice = relayAgent(AISNE, "agent-alice");
        String bob = relayAgent(AISNE, "agent-bob");

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            Callable<List<String>> claimAlice = () -> { go.await(); return claim(alice, 3); };
            Callable<List<String>> claimBob = () -> { go.await(); return claim(bob, 3); };
            Future<List<String>> a = pool.submit(claimAlice);
            Future<List<String>> b = pool.submit(claimBob);
            go.countDown();
            List<String> aliceBatch = a.get();
            List<String> bobBatch = b.get();
            assertThat(aliceBatch).hasSize(3).doesNotContainAnyElementsOf(bobBatch);
            assertThat(bobBatch).hasSize(3);
            Set<String> union = new HashSet<>(aliceBatch);
            union.addAll(bobBatch);
            assertThat(union).isEqualTo(all);
            assertThat(claim(relayAgent(AISNE, "agent-carol"), 10)).isEmpty();

            UUID alices = UUID.fromString(aliceBatch.get(0));
            act(bob, alices, "forward", null).statusCode(409).body("detail", containsString("another agent"));
            act(bob, alices, "reject", "doublon").statusCode(409);
            act(alice, alices, "forward", null).statusCode(200).body("state", equalTo("FORWARDED"));

            // alice gives her leases back: carol can take them; once a lease ends, anybody can
            given().header("Authorization", alice).delete("/api/v1/relays/" + AISNE + "/queue/claim").then().statusCode(204);
            assertThat(claim(relayAgent(AISNE, "agent-carol"), 10)).containsExactlyInAnyOrderElementsOf(aliceBatch.subList(1, 3));
            MovableClock.advance(Duration.ofMinutes(6));
            assertThat(claim(alice, 10)).hasSize(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRedirectionCreatesTheNewCandidacyLinkedBothWays() {
        Fixtures.Offer first = offer("60", 2, W05);
        Fixtures.Offer better = offer("60", 2, W06);
        Fixtures.Offer elsewhere = offer("01", 2, W06);
        String uai = school("60", "REP_PLUS");
        UUID pupil = UUID.randomUUID();
        UUID id = applied(pupil, uai, first, W05);

        // the other offer must admit the pupil: refused, and the candidacy stays as it was
        given().header("Authorization", relay(OISE)).contentType(ContentType.JSON)
                .body(Map.of("offerId", better.id.toString(), "week", W05)).post("/api/v1/applications/" + id + "/redirect")
                .then().statusCode(422).body("violations[0].field", equalTo("week"));
        given().header("Authorization", relay(OISE)).contentType(ContentType.JSON)
                .body(Map.of("offerId", first.id.toString(), "week", W05)).post("/api/v1/applications/" + id + "/redirect")
                .then().statusCode(422);

        String created = given().header("Authorization", relay(OISE)).contentType(ContentType.JSON)
                .body(Map.of("offerId", better.id.toString(), "week", W06, "reason", "plus proche du collège"))
                .post("/api/v1/applications/" + id + "/redirect").then().statusCode(201)
                .header("Location", containsString("/api/v1/applications/"))
                .body("state", equalTo("SUBMITTED"))
                .body("offerId", equalTo(better.id.toString()))
                .body("redirectedFrom", equalTo(id.toString()))
                .body("relayId", equalTo(OISE))
                .body("pupilId", equalTo(pupil.toString()))
                .body("history[0].role", equalTo("relay"))
                .extract().path("id");
        given().header("Authorization", pupilToken(pupil, uai)).get("/api/v1/applications/" + id).then()
                .body("state", equalTo("REDIRECTED"))
                .body("redirectedTo", equalTo(created))
                .body("history[-1].reason", equalTo("plus proche du collège"));
        act(relay(OISE), id, "forward", null).statusCode(409).body("currentState", equalTo("REDIRECTED"));

        // redirected out of the relay's territory: straight to that offer's host
        String outside = given().header("Authorization", relay(OISE)).contentType(ContentType.JSON)
                .body(Map.of("offerId", elsewhere.id.toString(), "week", W06))
                .post("/api/v1/applications/" + created + "/redirect").then().statusCode(201)
                .body("state", equalTo("FORWARDED")).body("relayId", org.hamcrest.Matchers.nullValue())
                .extract().path("id");
        given().header("Authorization", elsewhere.hostBearer()).get("/api/v1/applications").then()
                .body("items", hasSize(1)).body("items[0].id", equalTo(outside));
        given().header("Authorization", pupilToken(pupil, uai)).get("/api/v1/applications?state=REDIRECTED").then()
                .body("totalItems", equalTo(2));
        given().header("Authorization", pupilToken(pupil, uai)).get("/api/v1/applications/" + outside).then()
                .body("redirectedFrom", notNullValue());
    }

    private static List<String> claim(String bearer, int size) {
        return given().header("Authorization", bearer).post("/api/v1/relays/" + AISNE + "/queue/claim?size=" + size)
                .then().statusCode(200).body("leasedUntil", notNullValue()).extract().jsonPath().getList("items.id");
    }
}
