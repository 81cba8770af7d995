import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The consumer a relay (or schools-service) would run: a plain Kafka consumer of tremplin.applications.v1, positioned
 * at the end before anything is sent. Keeps every event's id (to find lost ones), counts them by type, measures the
 * delay from each submission (payload occurredAt) to its event being readable, and hands the forwarded candidacies to
 * the hosts, as a host's notification would.
 */
final class EventObserver {

    static final String TOPIC = "tremplin.applications.v1";

    record Forwarded(UUID applicationId, UUID offerId) {
    }

    private final String bootstrap;
    private final AtomicBoolean over;
    private final Set<String> receivedIds = ConcurrentHashMap.newKeySet();
    private final Tally<String> receivedTypes = new Tally<>();
    private final AtomicLong duplicates = new AtomicLong();
    private final ConcurrentLinkedQueue<Long> submittedDelays = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> relayedDelays = new ConcurrentLinkedQueue<>();
    private final LinkedBlockingQueue<Forwarded> forwarded = new LinkedBlockingQueue<>();

    /** Reads until {@code over} is set. */
    EventObserver(String bootstrap, AtomicBoolean over) {
        this.bootstrap = bootstrap;
        this.over = over;
    }

    void consume() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(BenchKafka.config(bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (!over.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    receive(record, System.currentTimeMillis());
                }
            }
        } catch (Exception e) {
            e.printStackTrace();
        }
    }

    private void receive(ConsumerRecord<String, String> record, long now) throws Exception {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        if (!"/tremplin/applications-service".equals(header(record, "ce_source"))) {
            return;
        }
        if (!receivedIds.add(id)) {
            duplicates.incrementAndGet();
            return;
        }
        receivedTypes.add(type);
        JsonNode payload = CampaignLoad.JSON.readTree(record.value());
        if ("application.submitted".equals(type)) {
            long delay = now - Instant.parse(payload.get("occurredAt").asText()).toEpochMilli();
            submittedDelays.add(delay);
            if (header(record, "relay") != null) {
                relayedDelays.add(delay);
            }
        } else if ("application.forwarded".equals(type)) {
            forwarded.add(new Forwarded(UUID.fromString(payload.get("applicationId").asText()),
                    UUID.fromString(payload.get("offerId").asText())));
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Forgets the warm-up's delays; its events stay received (the checks count them). */
    void forgetDelays() {
        submittedDelays.clear();
        relayedDelays.clear();
    }

    /** The forwarded candidacies not yet taken by a host. */
    BlockingQueue<Forwarded> forwarded() {
        return forwarded;
    }

    boolean received(String eventId) {
        return receivedIds.contains(eventId);
    }

    int receivedCount() {
        return receivedIds.size();
    }

    Tally<String> receivedTypes() {
        return receivedTypes;
    }

    long duplicates() {
        return duplicates.get();
    }

    /** Milliseconds from submission to readable, of every application.submitted. */
    Collection<Long> submittedDelays() {
        return submittedDelays;
    }

    /** The same, of those with a relay header (candidacies in a relayed département). */
    Collection<Long> relayedDelays() {
        return relayedDelays;
    }
}
