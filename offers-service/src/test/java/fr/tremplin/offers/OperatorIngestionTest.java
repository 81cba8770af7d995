package fr.tremplin.offers;

import fr.tremplin.common.events.Topics;
import fr.tremplin.common.security.Roles;
import fr.tremplin.testing.KafkaTestConsumer;
import fr.tremplin.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fr.tremplin.offers.OfferFixtures.SECTOR_MODE;
import static fr.tremplin.offers.OfferFixtures.offer;
import static fr.tremplin.testing.KafkaTestConsumer.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

/** Operators (JobIRL, Viens voir mon taf...) synchronise their offers by their own references. */
@QuarkusTest
class OperatorIngestionTest {

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String operator(String name) {
        return TestTokens.as(Roles.OPERATOR).claim("operator", name).bearer();
    }

    private static Map<String, Object> pushed(String title) {
        Map<String, Object> offer = offer(title, "Une semaine chez un artisan.", SECTOR_MODE);
        offer.put("organisation", Map.of("name", "Ébénisterie Martin", "siret", "98765432109876",
                "publicSector", false, "zipcode", "01100", "city", "Oyonnax"));
        return offer;
    }

    @Test
    void putCreatesThenReplacesAndARetryChangesNothing() {
        String jobirl = operator("jobirl");
        try (KafkaTestConsumer consumer = KafkaTestConsumer.fromNow(Topics.OFFERS)) {
            String id = given().header("Authorization", jobirl).contentType(ContentType.JSON)
                    .body(pushed("Ébéniste")).put("/api/v1/operator/offers/JOB-001")
                    .then().statusCode(201).body("status", equalTo("PUBLISHED")).body("externalRef", equalTo("JOB-001"))
                    .body("organisationName", equalTo("Ébénisterie Martin"))
                    .extract().path("id");
            given().header("Authorization", jobirl).contentType(ContentType.JSON)
                    .body(pushed("Ébéniste")).put("/api/v1/operator/offers/JOB-001")
                    .then().statusCode(200).body("id", equalTo(id)).body("version", is(0));
            given().header("Authorization", jobirl).contentType(ContentType.JSON)
                    .body(pushed("Ébéniste d'art")).put("/api/v1/operator/offers/JOB-001")
                    .then().statusCode(200).body("id", equalTo(id)).body("title", equalTo("Ébéniste d'art"));

            consumer.awaitRecord(r -> id.equals(r.key()) && "offer.updated".equals(header(r, "ce_type")),
                    Duration.ofSeconds(20));
            assertThat(consumer.drain(Duration.ofMillis(500)).stream().filter(r -> id.equals(r.key()))
                    .map(r -> header(r, "ce_type")))
                    .as("the identical retry emitted nothing").containsExactly("offer.published", "offer.updated");
        }
        given().get("/api/v1/offers?q=ebeniste").then().statusCode(200).body("totalItems", is(1));
    }

    @Test
    void deleteWithdrawsIdempotentlyAndListShowsWhatChanged() {
        String vvmt = operator("vvmt");
        Instant before = Instant.now().minusSeconds(1);
        given().header("Authorization", vvmt).contentType(ContentType.JSON)
                .body(pushed("Menuisier")).put("/api/v1/operator/offers/V-1").then().statusCode(201);
        given().header("Authorization", vvmt).contentType(ContentType.JSON)
                .body(pushed("Charpentier")).put("/api/v1/operator/offers/V-2").then().statusCode(201);

        given().header("Authorization", vvmt).delete("/api/v1/operator/offers/V-1").then().statusCode(204);
        given().header("Authorization", vvmt).delete("/api/v1/operator/offers/V-1").then().statusCode(204);
        given().header("Authorization", vvmt).delete("/api/v1/operator/offers/V-404")
                .then().statusCode(404).contentType("application/problem+json");

        given().header("Authorization", vvmt).queryParam("updatedSince", before.toString())
                .get("/api/v1/operator/offers").then().statusCode(200)
                .body("totalItems", is(2))
                .body("items.externalRef", containsInAnyOrder("V-1", "V-2"))
                .body("items.find { it.externalRef == 'V-1' }.status", equalTo("REMOVED"));
        given().header("Authorization", vvmt).queryParam("updatedSince", Instant.now().plusSeconds(60).toString())
                .get("/api/v1/operator/offers").then().statusCode(200).body("totalItems", is(0));
        given().header("Authorization", vvmt).queryParam("updatedSince", "yesterday")
                .get("/api/v1/operator/offers").then().statusCode(400).body("violations.field", contains("updatedSince"));

        // another operator neither sees nor touches them
        String other = operator("jobirl");
        given().header("Authorization", other).delete("/api/v1/operator/offers/V-2").then().statusCode(404);
        given().header("Authorization", other).get("/api/v1/operator/offers").then().statusCode(200)
                .body("items.externalRef", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("V-2")));
        // a host is not an operator
        given().header("Authorization", TestTokens.as(Roles.HOST).claim("organisation", "x").bearer())
                .get("/api/v1/operator/offers").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aBatchAnswersEachItemAndOneBadItemSpoilsNothing() {
        String jobirl = operator("jobirl-batch");
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            items.add(Map.of("externalRef", "B-" + i, "offer", pushed("Offre " + i)));
        }
        Map<String, Object> badWeek = pushed("Semaine de juillet");
        badWeek.put("weeks", List.of("2028-W28"));
        items.add(Map.of("externalRef", "B-bad", "offer", badWeek));
        Map<String, Object> tooLong = pushed("x".repeat(151));
        items.add(Map.of("externalRef", "B-long", "offer", tooLong));

        given().header("Authorization", jobirl).contentType(ContentType.JSON).body(Map.of("offers", items))
                .post("/api/v1/operator/offers/batch")
                .then().statusCode(200)
                .body("created", is(3)).body("replaced", is(0)).body("failed", is(2))
                .body("items.status", contains(201, 201, 201, 422, 400))
                .body("items[3].problem.violations.field", contains("weeks[0]"))
                .body("items[4].problem.violations.field", contains("title"));

        given().header("Authorization", jobirl).get("/api/v1/operator/offers")
                .then().body("totalItems", is(3));

        // the same batch again: all replaced, nothing new
        given().header("Authorization", jobirl).contentType(ContentType.JSON).body(Map.of("offers", items.subList(0, 3)))
                .post("/api/v1/operator/offers/batch")
                .then().statusCode(200).body("created", is(0)).body("replaced", is(3));
    }

    @Test
    void twelveIdenticalPutsOfANewReferenceAtOnceMakeOneOfferAndOneOrganisation() throws Exception {
        String operator = "race-put";
        String bearer = operator(operator);
        Map<String, Object> body = pushed("Course au PUT");
        body.put("organisation", Map.of("name", "Atelier de la course", "siret", "12312312312312",
                "publicSector", false, "zipcode", "01100", "city", "Oyonnax"));
        List<Integer> statuses = concurrently(12, i -> given().header("Authorization", bearer)
                .contentType(ContentType.JSON).body(body).put("/api/v1/operator/offers/RACE-1").then().extract()
                .statusCode());
        assertThat(statuses).as("one creation, the others a repeated PUT").containsOnly(201, 200);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM offer WHERE operator = ? AND external_ref = 'RACE-1'", operator))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM host_organisation WHERE operator = ?", operator)).isEqualTo(1);
        // without a SIRET the organisation is matched on its name and zip code: one row all the same
        Map<String, Object> noSiret = pushed("Course sans SIRET");
        noSiret.put("organisation", Map.of("name", "Atelier sans SIRET", "publicSector", false,
                "zipcode", "01100", "city", "Oyonnax"));
        List<Integer> again = concurrently(12, i -> given().header("Authorization", bearer)
                .contentType(ContentType.JSON).body(noSiret).put("/api/v1/operator/offers/RACE-2").then().extract()
                .statusCode());
        assertThat(again).containsOnly(201, 200);
        assertThat(again.stream().filter(s -> s == 201).count()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM host_organisation WHERE operator = ?", operator)).isEqualTo(2);
    }

    @Test
    void fourBatchesSharingReferencesAtOnceGiveNo5xxAndOneOfferPerReference() throws Exception {
        String operator = "race-batch";
        String bearer = operator(operator);
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            items.add(Map.of("externalRef", "RB-" + i, "offer", pushed("Offre partagée " + i)));
        }
        List<Integer> statuses = concurrently(4, n -> {
            List<Map<String, Object>> mine = new ArrayList<>(items);
            java.util.Collections.rotate(mine, n * 3);     // each batch starts elsewhere: real interleaving
            return given().header("Authorization", bearer).contentType(ContentType.JSON)
                    .body(Map.of("offers", mine)).post("/api/v1/operator/offers/batch").then().statusCode(200)
                    .body("failed", is(0)).body("items.status", org.hamcrest.Matchers.everyItem(
                            org.hamcrest.Matchers.isOneOf(200, 201)))
                    .extract().<Integer>path("created");
        });
        assertThat(statuses.stream().mapToInt(Integer::intValue).sum()).as("creations over the 4 batches").isEqualTo(10);
        assertThat(count("SELECT count(*) FROM offer WHERE operator = ?", operator)).isEqualTo(10);
        assertThat(count("SELECT count(DISTINCT external_ref) FROM offer WHERE operator = ?", operator)).isEqualTo(10);
        assertThat(count("SELECT count(*) FROM host_organisation WHERE operator = ?", operator)).isEqualTo(1);
    }

    /** Runs {@code n} calls at once (released together by a latch) and returns what each answered. */
    private static <T> List<T> concurrently(int n, java.util.function.IntFunction<T> call) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.apply(index);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (java.util.concurrent.Future<T> future : futures) {
                results.add(future.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private long count(String sql, String parameter) throws java.sql.SQLException {
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (java.sql.ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aBatchOfMoreThan500IsRefusedWhole() {
        String jobirl = operator("jobirl-big");
        List<Map<String, Object>> items = new ArrayList<>();
        Map<String, Object> offer = pushed("Offre");
        for (int i = 0; i < 501; i++) {
            items.add(Map.of("externalRef", "BIG-" + i, "offer", offer));
        }
        given().header("Authorization", jobirl).contentType(ContentType.JSON).body(Map.of("offers", items))
                .post("/api/v1/operator/offers/batch")
                .then().statusCode(413).contentType("application/problem+json");
        given().header("Authorization", jobirl).get("/api/v1/operator/offers").then().body("totalItems", is(0));
    }

    @Test
    void anOperatorOfferNeedsItsOrganisation() {
        Map<String, Object> offer = new HashMap<>(offer("Sans organisation", "Description.", SECTOR_MODE));
        given().header("Authorization", operator("jobirl")).contentType(ContentType.JSON).body(offer)
                .put("/api/v1/operator/offers/NO-ORG")
                .then().statusCode(400).body("violations.field", contains("organisation"));
        given().header("Authorization", operator("jobirl")).contentType(ContentType.JSON).body(pushed("Ok"))
                .put("/api/v1/operator/offers/bad ref with spaces")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
