package fr.tremplin.testing;

import fr.tremplin.common.events.Topics;
import fr.tremplin.common.kafka.KafkaAccess;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The secured test broker refuses what docs/KAFKA.md says it refuses: these assertions are the broker's own answers
 * (SASL and the standard authorizer), not the platform's code. Relays' rights come from {@link KafkaAccess#relayBindings};
 * applications-service's RelayKafkaCredentialsTest proves the same through the API.
 */
class KafkaSecurityTest {

    private static final String ALPHA = "alpha";
    private static final String BETA = "beta";
    private static final String ALPHA_PASSWORD = "alpha-test-password";

    @BeforeAll
    static void startBrokerAndTwoRelays() throws Exception {
        KafkaTestResource resource = new KafkaTestResource();
        resource.init(Map.of("principal", "offers-service"));
        resource.start();
        try (Admin admin = Admin.create(KafkaTestResource.adminConfig())) {
            admin.createTopics(List.of(new NewTopic(Topics.relayFeed(ALPHA), 1, (short) 1),
                    new NewTopic(Topics.relayFeed(BETA), 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            admin.alterUserScramCredentials(List.of(KafkaAccess.credential(KafkaAccess.relayPrincipal(ALPHA), ALPHA_PASSWORD)))
                    .all().get(30, TimeUnit.SECONDS);
            admin.createAcls(KafkaAccess.relayBindings(ALPHA)).all().get(30, TimeUnit.SECONDS);
            admin.createAcls(KafkaAccess.relayBindings(BETA)).all().get(30, TimeUnit.SECONDS);
        }
        send(KafkaTestResource.adminConfig(), Topics.relayFeed(ALPHA), "for alpha");
    }

    @Test
    void aRelayReadsItsOwnFeedInItsOwnGroup() {
        try (KafkaConsumer<String, String> consumer = consumer(relayAlpha(), "relay-alpha.triage")) {
            consumer.subscribe(List.of(Topics.relayFeed(ALPHA)));
            List<String> values = new java.util.ArrayList<>();
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
            }
            assertThat(values).contains("for alpha");
            consumer.commitSync();
        }
    }

    @Test
    void aRelayCannotReadAnotherRelaysFeed() {
        assertThatThrownBy(() -> readOnce(relayAlpha(), "relay-alpha.triage", Topics.relayFeed(BETA)))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aRelayCannotReadThePlatformsInternalTopics() {
        for (String topic : List.of(Topics.APPLICATIONS, Topics.OFFERS, Topics.SCHOOLS, Topics.deadLetter(Topics.APPLICATIONS))) {
            assertThatThrownBy(() -> readOnce(relayAlpha(), "relay-alpha.triage", topic)).as(topic)
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aRelayCannotUseAGroupOutsideItsPrefix() {
        for (String group : List.of("relay-beta.triage", "relay-alpha", "offers-service")) {
            assertThatThrownBy(() -> readOnce(relayAlpha(), group, Topics.relayFeed(ALPHA))).as(group)
                    .isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void aRelayCannotWriteItsOwnFeed() {
        // an idempotent producer is refused its producer id (cluster), a plain one the topic: refused either way. A send
        // made once the refusal has put the producer in its error state fails with a KafkaException whose cause is the
        // refusal, hence the root cause.
        assertThatThrownBy(() -> send(relayAlpha(), Topics.relayFeed(ALPHA), "forged"))
                .hasRootCauseInstanceOf(AuthorizationException.class);
    }

    @Test
    void aServiceWritesItsOwnTopicAndNoOtherServicesTopic() throws Exception {
        Map<String, Object> offers = service("offers-service");
        send(offers, Topics.OFFERS, "its own");
        assertThatThrownBy(() -> send(offers, Topics.SCHOOLS, "forged")).hasCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> send(offers, Topics.APPLICATIONS, "forged")).hasCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> send(service("schools-service"), Topics.OFFERS, "forged"))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> send(service("applications-service"), Topics.SCHOOLS, "forged"))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aServiceCannotReadAFeedItDoesNotConsume() {
        assertThatThrownBy(() -> readOnce(service("schools-service"), "schools-service", Topics.OFFERS))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> readOnce(service("offers-service"), "offers-service", Topics.relayFeed(ALPHA)))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aWrongPasswordIsRefused() {
        Map<String, Object> wrong = KafkaTestResource.clientConfig(KafkaAccess.relayPrincipal(ALPHA), "not-the-password");
        assertThatThrownBy(() -> readOnce(wrong, "relay-alpha.triage", Topics.relayFeed(ALPHA)))
                .isInstanceOf(SaslAuthenticationException.class);
        Map<String, Object> wrongAdmin = KafkaTestResource.clientConfig(KafkaAccess.ADMIN, "not-the-password");
        assertThatThrownBy(() -> readOnce(wrongAdmin, "any", Topics.APPLICATIONS))
                .isInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void aClientWithoutSaslGetsNothing() {
        Map<String, Object> plaintext = new HashMap<>();
        plaintext.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers());
        plaintext.put(ConsumerConfig.GROUP_ID_CONFIG, "anonymous");
        plaintext.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(plaintext, new StringDeserializer(),
                new StringDeserializer())) {
            // the SASL listener drops a connection that does not start a SASL handshake: no metadata, no records
            assertThatThrownBy(() -> consumer.partitionsFor(Topics.APPLICATIONS, Duration.ofSeconds(3)))
                    .isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
            consumer.assign(List.of(new TopicPartition(Topics.APPLICATIONS, 0)));
            consumer.seekToBeginning(consumer.assignment());
            assertThat(consumer.poll(Duration.ofSeconds(2))).isEmpty();
        }
    }

    private static Map<String, Object> relayAlpha() {
        return KafkaTestResource.clientConfig(KafkaAccess.relayPrincipal(ALPHA), ALPHA_PASSWORD);
    }

    private static Map<String, Object> service(String principal) {
        return KafkaTestResource.clientConfig(principal, KafkaTestResource.password(principal));
    }

    private static KafkaConsumer<String, String> consumer(Map<String, Object> client, String group) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /** Subscribes and polls until the broker answers: records, or the refusal it throws. */
    private static void readOnce(Map<String, Object> client, String group, String topic) {
        try (KafkaConsumer<String, String> consumer = consumer(client, group)) {
            consumer.subscribe(List.of(topic));
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < end) {
                if (!consumer.poll(Duration.ofMillis(200)).isEmpty()) {
                    return;
                }
            }
        }
    }

    private static void send(Map<String, Object> client, String topic, String value) throws Exception {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "key", value)).get(20, TimeUnit.SECONDS);
        } catch (KafkaException e) {
            throw new ExecutionException(e);
        }
    }
}
