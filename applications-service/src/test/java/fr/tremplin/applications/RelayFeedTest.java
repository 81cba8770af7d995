package fr.tremplin.applications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tremplin.applications.service.RelayFeeds;
import fr.tremplin.common.events.Topics;
import fr.tremplin.testing.KafkaTestConsumer;
import fr.tremplin.testing.KafkaTestResource;
import fr.tremplin.testing.events.EventContract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static fr.tremplin.applications.Fixtures.W05;
import static fr.tremplin.applications.Fixtures.act;
import static fr.tremplin.applications.Fixtures.admin;
import static fr.tremplin.applications.Fixtures.applied;
import static fr.tremplin.applications.Fixtures.host;
import static fr.tremplin.applications.Fixtures.offer;
import static fr.tremplin.applications.Fixtures.relay;
import static fr.tremplin.applications.Fixtures.school;
import static fr.tremplin.testing.KafkaTestConsumer.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * A relay's own feed, {@code tremplin.relay.<relayId>.v1} (issue 12), read from the real broker as the relay would:
 * its territory's candidacy events in each candidacy's order and nothing of another territory; re-scoping tells the
 * relay that loses a candidacy and the relay that gains it; a deactivated relay's feed stops until reactivation.
 */
@QuarkusTest
class RelayFeedTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration QUIET = Duration.ofSeconds(2);

    @Inject
    RelayFeeds feeds;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aRelaysFeedCarriesItsTerritorysCandidacyEventsInOrderAndNeverAnotherTerritorys() throws Exception {
        Fixtures.registerRelay("feed-pas-de-calais", "62").statusCode(201);
        Fixtures.registerRelay("feed-somme", "80").statusCode(201);
        assertThat(partitions(Topics.relayFeed("feed-pas-de-calais"))).as("created by the registration").isEqualTo(6);
        Fixtures.Offer ours = offer("62", 5, W05);
        Fixtures.Offer theirs = offer("80", 5, W05);
        String ourSchool = school("62", "REP_PLUS");
        String theirSchool = school("80", "REP");
        try (KafkaTestConsumer feed = KafkaTestConsumer.fromNow(Topics.relayFeed("feed-pas-de-calais"))) {
            UUID other = applied(UUID.randomUUID(), theirSchool, theirs, W05);
            UUID first = applied(UUID.randomUUID(), ourSchool, ours, W05);
            UUID second = applied(UUID.randomUUID(), ourSchool, ours, W05);
            act(relay("feed-pas-de-calais"), first, "forward", null).statusCode(200);
            act(relay("feed-somme"), other, "forward", null).statusCode(200);
            act(host(ours.organisationId), first, "accept", null).statusCode(200);
            act(relay("feed-pas-de-calais"), second, "reject", "hors secteur").statusCode(200);

            feed.awaitRecord(r -> first.toString().equals(r.key())
                    && payload(r).get("event").asText().equals("application.accepted"), WAIT);
            feed.awaitRecord(r -> second.toString().equals(r.key())
                    && payload(r).get("event").asText().equals("application.rejected"), WAIT);
            List<ConsumerRecord<String, String>> received = feed.drain(QUIET);

            assertThat(events(received, first)).containsExactly("application.submitted", "application.forwarded",
                    "application.accepted");
            assertThat(events(received, second)).containsExactly("application.submitted", "application.rejected");
            assertThat(received).as("nothing of another territory").noneMatch(r -> other.toString().equals(r.key()));
            for (ConsumerRecord<String, String> record : received) {
                EventContract.load().check(record);
                assertThat(header(record, "ce_type")).isEqualTo("relay.candidacy.changed");
                assertThat(header(record, "ce_subject")).isEqualTo("applications/" + record.key());
                assertThat(record.value()).doesNotContain("motivation").doesNotContain("hors secteur")
                        .doesNotContain("J'aimerais");
            }
            JsonNode accepted = payload(received.stream().filter(r -> first.toString().equals(r.key())).toList()
                    .get(2));
            assertThat(accepted.get("state").asText()).isEqualTo("ACCEPTED");
            assertThat(accepted.get("relayId").asText()).isEqualTo("feed-pas-de-calais");
            assertThat(accepted.get("schoolUai").asText()).isEqualTo(ourSchool);
            assertThat(accepted.get("schoolPriority").asText()).isEqualTo("REP_PLUS");
            assertThat(accepted.get("offerId").asText()).isEqualTo(ours.id.toString());
            assertThat(accepted.get("holdExpiresAt").isNull()).isFalse();
        }
    }

    @Test
    void reScopingTellsTheRelayThatLosesACandidacyAndTheRelayThatGainsIt() throws Exception {
        Fixtures.registerRelay("feed-oise", "60", "02").statusCode(201);
        Fixtures.Offer offer = offer("02", 5, W05);
        String uai = school("02", "REP");
        UUID waiting = applied(UUID.randomUUID(), uai, offer, W05);
        UUID forwarded = applied(UUID.randomUUID(), uai, offer, W05);
        UUID rejected = applied(UUID.randomUUID(), uai, offer, W05);
        act(relay("feed-oise"), forwarded, "forward", null).statusCode(200);
        act(relay("feed-oise"), rejected, "reject", "complet").statusCode(200);

        awaitOutboxPublished();
        try (KafkaTestConsumer oise = KafkaTestConsumer.fromNow(Topics.relayFeed("feed-oise"))) {
            // the Aisne leaves feed-oise: its open candidacies go with it, the one in triage handed back to the host
            Fixtures.registerRelay("feed-oise", "60").statusCode(200);
            given().header("Authorization", admin()).get("/api/v1/applications/" + waiting).then()
                    .body("state", equalTo("FORWARDED")).body("relayId", nullValue())
                    .body("history[1].reason", equalTo("relay territory changed"));
            given().header("Authorization", admin()).get("/api/v1/applications/" + rejected).then()
                    .body("relayId", equalTo("feed-oise"));
            given().header("Authorization", relay("feed-oise")).get("/api/v1/applications/" + forwarded).then()
                    .statusCode(403);

            // and another relay takes it on
            Fixtures.registerRelay("feed-aisne", "02").statusCode(201);
            try (KafkaTestConsumer aisne = KafkaTestConsumer.fromEarliest(Topics.relayFeed("feed-aisne"))) {
                given().header("Authorization", relay("feed-aisne")).get("/api/v1/applications/" + forwarded).then()
                        .statusCode(200).body("relayId", equalTo("feed-aisne"));
                act(host(offer.organisationId), forwarded, "accept", null).statusCode(200);

                aisne.awaitRecord(r -> forwarded.toString().equals(r.key())
                        && "application.accepted".equals(payload(r).get("event").asText()), WAIT);
                List<ConsumerRecord<String, String>> gained = aisne.drain(QUIET);
                assertThat(types(gained, waiting)).containsExactly("relay.candidacy.entered");
                assertThat(types(gained, forwarded)).containsExactly("relay.candidacy.entered",
                        "relay.candidacy.changed");
                assertThat(types(gained, rejected)).as("finished: stays with the relay that had it").isEmpty();
                gained.forEach(EventContract.load()::check);
            }

            oise.awaitRecord(r -> forwarded.toString().equals(r.key())
                    && "relay.candidacy.left".equals(header(r, "ce_type")), WAIT);
            List<ConsumerRecord<String, String>> lost = oise.drain(QUIET);
            assertThat(events(lost, waiting)).containsExactly("application.forwarded", "relay.candidacy.left");
            assertThat(events(lost, forwarded)).as("nothing after it left").containsExactly("relay.candidacy.left");
            assertThat(types(lost, rejected)).isEmpty();
            lost.forEach(EventContract.load()::check);
        }
    }

    @Test
    void aDeactivatedRelaysFeedStopsAndReactivationResumesIt() throws Exception {
        Fixtures.registerRelay("feed-aube", "10").statusCode(201);
        Fixtures.Offer offer = offer("10", 5, W05);
        String uai = school("10", "NONE");
        UUID inTriage = applied(UUID.randomUUID(), uai, offer, W05);
        UUID forwarded = applied(UUID.randomUUID(), uai, offer, W05);
        act(relay("feed-aube"), forwarded, "forward", null).statusCode(200);
        awaitOutboxPublished();
        try (KafkaTestConsumer feed = KafkaTestConsumer.fromNow(Topics.relayFeed("feed-aube"))) {
            given().header("Authorization", admin()).post("/api/v1/relays/feed-aube/deactivate").then()
                    .statusCode(200);
            act(host(offer.organisationId), forwarded, "accept", null).statusCode(200);
            UUID during = applied(UUID.randomUUID(), uai, offer, W05);

            given().header("Authorization", admin()).post("/api/v1/relays/feed-aube/activate").then()
                    .statusCode(200);
            UUID after = applied(UUID.randomUUID(), uai, offer, W05);
            feed.awaitRecord(r -> after.toString().equals(r.key()), WAIT);
            List<ConsumerRecord<String, String>> received = feed.drain(QUIET);

            assertThat(events(received, inTriage)).as("handed back: the feed's last word on it")
                    .containsExactly("application.forwarded");
            assertThat(events(received, forwarded)).as("accepted while deactivated").isEmpty();
            assertThat(events(received, during)).isEmpty();
            assertThat(events(received, after)).containsExactly("application.submitted");
        }
    }

    @Test
    void noCandidacySubmittedWhileItsDepartementLeavesTheRelayStaysWithIt() throws Exception {
        Fixtures.registerRelay("feed-vosges", "88", "54").statusCode(201);
        Fixtures.Offer offer = offer("88", 50, W05);
        Fixtures.Offer unchanged = offer("54", 50, W05);
        String uai = school("88", "REP");
        int pupils = 16;
        ExecutorService pool = Executors.newFixedThreadPool(pupils + 1);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < pupils; i++) {
                UUID pupil = UUID.randomUUID();
                Fixtures.Offer target = i % 4 == 0 ? unchanged : offer;
                answers.add(pool.submit(() -> {
                    start.await();
                    return Fixtures.apply(Fixtures.pupilToken(pupil, uai), target.id, W05, null).extract()
                            .statusCode();
                }));
                if (i == pupils / 2) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return Fixtures.registerRelay("feed-vosges", "54").extract().statusCode();
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
        assertThat(TestEvents.count("SELECT count(*) FROM application WHERE offer_id = ? AND relay_id IS NOT NULL",
                offer.id)).as("the Vosges left the relay: none of their candidacies is its").isZero();
        assertThat(TestEvents.count("SELECT count(*) FROM application WHERE offer_id = ? AND state = 'FORWARDED'",
                offer.id)).isEqualTo(12);
        assertThat(TestEvents.count("SELECT count(*) FROM application WHERE offer_id = ? AND state = 'SUBMITTED' "
                + "AND relay_id = 'feed-vosges'", unchanged.id)).as("an unchanged département keeps its relay")
                .isEqualTo(4);
    }

    @Test
    void theFeedTopicsOfRelaysRegisteredBeforeFeedsExistedAreCreated() throws Exception {
        TestEvents.execute("INSERT INTO relay (id, name, active, created_at, updated_at) "
                + "VALUES ('feed-ancien', 'Relais ancien', true, now(), now())");
        assertThat(topicExists(Topics.relayFeed("feed-ancien"))).isFalse();
        feeds.ensureAll();
        assertThat(partitions(Topics.relayFeed("feed-ancien"))).isEqualTo(6);
        feeds.ensureAll(); // again: nothing to do, no failure
    }

    /** What was written before is on the broker: a consumer positioned now sees only what follows. */
    private static void awaitOutboxPublished() {
        await().atMost(WAIT).until(() -> TestEvents.count("SELECT count(*) FROM outbox_event "
                + "WHERE published_at IS NULL") == 0);
    }

    private static List<String> events(List<ConsumerRecord<String, String>> records, UUID applicationId) {
        return delivered(records, applicationId).map(r -> payload(r).get("event").asText()).toList();
    }

    private static List<String> types(List<ConsumerRecord<String, String>> records, UUID applicationId) {
        return delivered(records, applicationId).map(r -> header(r, "ce_type")).toList();
    }

    /**
     * The candidacy's messages as a relay's consumer takes them: once per ce_id. Delivery is at least once
     * (docs/RELAYS.md): a send that timed out on a busy broker is sent again by the outbox relay, and it was seen in CI
     * twice on the feed.
     */
    private static Stream<ConsumerRecord<String, String>> delivered(List<ConsumerRecord<String, String>> records,
                                                                    UUID applicationId) {
        Set<String> seen = new HashSet<>();
        return records.stream().filter(r -> applicationId.toString().equals(r.key()))
                .filter(r -> seen.add(header(r, "ce_id")));
    }

    private static JsonNode payload(ConsumerRecord<String, String> record) {
        try {
            return MAPPER.readTree(record.value());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + record.topic(), e);
        }
    }

    private static Admin kafkaAdmin() {
        return Admin.create(KafkaTestResource.adminConfig());
    }

    private static boolean topicExists(String topic) throws Exception {
        try (Admin admin = kafkaAdmin()) {
            return admin.listTopics().names().get().contains(topic);
        }
    }

    private static int partitions(String topic) throws Exception {
        try (Admin admin = kafkaAdmin()) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        }
    }
}
