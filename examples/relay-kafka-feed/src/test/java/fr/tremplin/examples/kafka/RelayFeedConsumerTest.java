package fr.tremplin.examples.kafka;

import fr.tremplin.common.events.Topics;
import fr.tremplin.common.kafka.KafkaAccess;
import fr.tremplin.testing.KafkaTestResource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The example against the platform's own secured broker (SASL SCRAM-SHA-512, the standard authorizer): the relay's
 * account is made as applications-service makes it (RelayKafkaAccounts: as {@code relay-accounts}, the SCRAM
 * credential then {@link KafkaAccess#relayBindings}), the feed is written as the platform writes it (CloudEvent
 * headers, key = application id), and the example reads it through its environment settings.
 */
class RelayFeedConsumerTest {

    // fresh ids per run: with KAFKA_BOOTSTRAP_SERVERS the broker is bin/infra's, which keeps earlier runs' feeds
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String RELAY = "example-nord-" + RUN;
    private static final String OTHER_RELAY = "example-sud-" + RUN;
    private static final String PASSWORD = "example-nord-test-password";
    private static final String APPLICATION = UUID.randomUUID().toString();

    @BeforeAll
    static void registerTwoRelaysAndWriteTheFeed() throws Exception {
        try (Admin admin = Admin.create(KafkaTestResource.adminConfig())) {
            // applications-service creates each feed when the relay is registered (RelayFeedTopics)
            admin.createTopics(List.of(new NewTopic(Topics.relayFeed(RELAY), 6, (short) 1),
                    new NewTopic(Topics.relayFeed(OTHER_RELAY), 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (Admin accounts = Admin.create(KafkaTestResource.clientConfig(KafkaAccess.RELAY_ACCOUNTS,
                KafkaTestResource.password(KafkaAccess.RELAY_ACCOUNTS)))) {
            accounts.alterUserScramCredentials(List.of(KafkaAccess.credential(KafkaAccess.relayPrincipal(RELAY), PASSWORD)))
                    .all().get(30, TimeUnit.SECONDS);
            accounts.createAcls(KafkaAccess.relayBindings(RELAY)).all().get(30, TimeUnit.SECONDS);
            accounts.createAcls(KafkaAccess.relayBindings(OTHER_RELAY)).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(KafkaTestResource.adminConfig(),
                new StringSerializer(), new StringSerializer())) {
            producer.send(feedRecord(Topics.relayFeed(RELAY), "application.submitted", "SUBMITTED")).get(30, TimeUnit.SECONDS);
            producer.send(feedRecord(Topics.relayFeed(RELAY), "application.forwarded", "FORWARDED")).get(30, TimeUnit.SECONDS);
            producer.send(feedRecord(Topics.relayFeed(OTHER_RELAY), "application.submitted", "SUBMITTED")).get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void theExampleReadsItsFeedInOrderAndCommitsWhatItHandled() throws Exception {
        RelayFeedSettings settings = RelayFeedSettings.fromEnvironment(environment(RELAY));
        assertThat(settings.topic()).isEqualTo(Topics.relayFeed(RELAY));
        assertThat(settings.group()).startsWith(KafkaAccess.relayGroupPrefix(RELAY));
        assertThat(settings.toString()).doesNotContain(PASSWORD);

        List<FeedMessage> read = new ArrayList<>();
        try (RelayFeedConsumer feed = new RelayFeedConsumer(settings)) {
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (read.size() < 2 && System.nanoTime() < end) {
                feed.pollOnce(read::add);
            }
        }

        assertThat(read).extracting(FeedMessage::type, FeedMessage::applicationId, FeedMessage::event, FeedMessage::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("relay.candidacy.changed", APPLICATION, "application.submitted", "SUBMITTED"),
                        org.assertj.core.groups.Tuple.tuple("relay.candidacy.changed", APPLICATION, "application.forwarded", "FORWARDED"));
        assertThat(read).extracting(FeedMessage::eventId).doesNotContainNull().doesNotHaveDuplicates();
        try (Admin admin = Admin.create(KafkaTestResource.adminConfig())) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(settings.group())
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            assertThat(committed.values().stream().mapToLong(OffsetAndMetadata::offset).sum())
                    .as("both messages committed after handling").isEqualTo(2);
        }
    }

    @Test
    void theSameCredentialsAreRefusedAnotherRelaysFeed() {
        RelayFeedSettings own = RelayFeedSettings.fromEnvironment(environment(RELAY));
        RelayFeedSettings othersFeed = new RelayFeedSettings(own.bootstrapServers(), own.securityProtocol(),
                own.username(), own.password(), Topics.relayFeed(OTHER_RELAY), own.group() + "-stolen");
        List<FeedMessage> read = new ArrayList<>();
        try (RelayFeedConsumer feed = new RelayFeedConsumer(othersFeed)) {
            assertThatThrownBy(() -> {
                long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (System.nanoTime() < end) {
                    feed.pollOnce(read::add);
                }
            }).isInstanceOf(TopicAuthorizationException.class);
        }
        assertThat(read).isEmpty();
    }

    /** What a relay's developer exports, from the answer of POST /api/v1/relays/{relayId}/kafka-credentials. */
    private static Map<String, String> environment(String relayId) {
        Map<String, String> env = new HashMap<>();
        env.put("TREMPLIN_KAFKA_BOOTSTRAP_SERVERS", KafkaTestResource.bootstrapServers());
        env.put("TREMPLIN_RELAY_ID", relayId);
        env.put("TREMPLIN_KAFKA_USERNAME", KafkaAccess.relayPrincipal(relayId));
        env.put("TREMPLIN_KAFKA_PASSWORD", PASSWORD);
        return env;
    }

    /** As OutboxRelay writes a feed message: CloudEvent binary mode, key = the application id. */
    private static ProducerRecord<String, String> feedRecord(String topic, String event, String state) {
        String value = "{\"event\":\"" + event + "\",\"occurredAt\":\"2028-01-10T08:00:00Z\",\"applicationId\":\""
                + APPLICATION + "\",\"schoolUai\":\"0590001A\",\"schoolPriority\":\"REP_PLUS\",\"department\":\"59\","
                + "\"offerTitle\":\"Découvrir \\\"state\\\": \\\"un métier\\\"\",\"state\":\"" + state + "\",\"relayId\":\"" + RELAY + "\"}";
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, APPLICATION, value);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_source", "/applications-service");
        header(record, "ce_type", "relay.candidacy.changed");
        header(record, "ce_subject", "applications/" + APPLICATION);
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
