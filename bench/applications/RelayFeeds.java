import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The relays' Kafka clients, as each relay would run its own (docs/RELAYS.md, "The Kafka feed"): an admin asks the
 * service for each relay's credentials ({@code POST /api/v1/relays/{id}/kafka-credentials}), and each relay's consumer
 * logs in as its own principal and reads its own topic {@code tremplin.relay.<id>.v1} from its end, recording each
 * message's arrival (RelayArrivals). Before the campaign, the first relay's principal is shown refused by the broker
 * on the second relay's feed and on tremplin.applications.v1.
 */
final class RelayFeeds {

    private record Credentials(String username, String password, String mechanism, String protocol, String bootstrap,
                               String topic, String groupPrefix) {
    }

    private final LeanHttp http;
    private final AtomicBoolean over;
    private final RelayArrivals arrivals = new RelayArrivals("Kafka feed");
    private final Map<String, Credentials> credentials = new LinkedHashMap<>();

    RelayFeeds(LeanHttp http, AtomicBoolean over) {
        this.http = http;
        this.over = over;
    }

    /** Each relay's Kafka account, through the admin route (the password is in this answer only). */
    void obtainCredentials(List<String> relays, String admin) throws Exception {
        for (String relayId : relays) {
            LeanHttp.Answer answer = http.call("POST", "/api/v1/relays/" + relayId + "/kafka-credentials", admin,
                    null);
            if (answer.status() / 100 != 2) {
                throw new IllegalStateException("Kafka credentials of " + relayId + ": " + answer);
            }
            JsonNode c = CampaignLoad.JSON.readTree(answer.body());
            credentials.put(relayId, new Credentials(c.get("username").asText(), c.get("password").asText(),
                    c.get("saslMechanism").asText(), c.get("securityProtocol").asText(),
                    c.get("bootstrapServers").asText(), c.get("topic").asText(),
                    c.get("consumerGroupPrefix").asText()));
        }
    }

    /**
     * The first relay's principal tries to read the second relay's feed, then tremplin.applications.v1: each must be
     * refused by the broker. Returns what happened, for the report; throws when the broker let it read.
     */
    String proveIsolation() {
        List<String> ids = new ArrayList<>(credentials.keySet());
        Credentials first = credentials.get(ids.get(0));
        List<String> forbidden = new ArrayList<>();
        if (ids.size() > 1) {
            forbidden.add(credentials.get(ids.get(1)).topic());
        }
        forbidden.add(EventObserver.TOPIC);
        List<String> refused = new ArrayList<>();
        for (String topic : forbidden) {
            try (KafkaConsumer<String, String> consumer = consumer(first)) {
                consumer.assign(List.of(new TopicPartition(topic, 0)));
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
                boolean wasRefused = false;
                while (!wasRefused && System.nanoTime() < until) {
                    try {
                        consumer.poll(Duration.ofMillis(500));
                    } catch (TopicAuthorizationException e) {
                        wasRefused = true;
                    }
                }
                if (!wasRefused) {
                    throw new IllegalStateException(first.username() + " was not refused on " + topic);
                }
                refused.add(topic);
            }
        }
        return first.username() + " refused by the broker on " + String.join(" and ", refused);
    }

    /** One consumer per relay, each on a thread of its own, positioned at its topic's end; returns once all are. */
    List<Thread> start() throws InterruptedException {
        CountDownLatch positioned = new CountDownLatch(credentials.size());
        List<Thread> consumers = new ArrayList<>();
        credentials.forEach((relayId, c) -> consumers.add(Thread.ofPlatform().name("feed-" + relayId)
                .start(() -> consume(relayId, c, positioned))));
        if (!positioned.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the relays' feed consumers were not positioned within 60 s");
        }
        return consumers;
    }

    private void consume(String relayId, Credentials c, CountDownLatch positioned) {
        try (KafkaConsumer<String, String> consumer = consumer(c)) {
            List<TopicPartition> partitions = consumer.partitionsFor(c.topic(), Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            positioned.countDown();
            while (!over.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    arrivals.arrived(relayId, header(record, "ce_id"), CampaignLoad.JSON.readTree(record.value()),
                            System.currentTimeMillis());
                }
            }
        } catch (Exception e) {
            e.printStackTrace();
        }
    }

    /** A consumer logged in as the relay's principal, in a group its ACLs allow (offsets are never committed). */
    private static KafkaConsumer<String, String> consumer(Credentials c) {
        return new KafkaConsumer<>(BenchKafka.login(c.bootstrap(), c.protocol(), c.mechanism(), c.username(),
                c.password(), ConsumerConfig.GROUP_ID_CONFIG, c.groupPrefix() + "bench",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(),
                new StringDeserializer());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    RelayArrivals arrivals() {
        return arrivals;
    }
}
