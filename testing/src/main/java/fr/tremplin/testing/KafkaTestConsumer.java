package fr.tremplin.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * A plain Kafka consumer reading a topic from its current end, as the broker's super user (it may read every topic).
 * Tests use it to see what really reached the broker.
 */
public final class KafkaTestConsumer implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> received = new CopyOnWriteArrayList<>();

    private KafkaTestConsumer(String topic, boolean fromEnd) {
        Map<String, Object> config = new HashMap<>(KafkaTestResource.adminConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        if (fromEnd) {
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end now, before the test produces anything
        } else {
            consumer.seekToBeginning(partitions);
        }
    }

    public static KafkaTestConsumer fromNow(String topic) {
        return new KafkaTestConsumer(topic, true);
    }

    /** Everything still on the topic: for what was sent while no consumer could be positioned (broker down). */
    public static KafkaTestConsumer fromEarliest(String topic) {
        return new KafkaTestConsumer(topic, false);
    }

    /** Waits until a record matching the predicate arrives, and returns it. */
    public ConsumerRecord<String, String> awaitRecord(Predicate<ConsumerRecord<String, String>> matching, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
            poll(Duration.ofMillis(100));
            return received.stream().anyMatch(matching);
        });
        return received.stream().filter(matching).findFirst().orElseThrow();
    }

    /** Everything received so far after polling for the given time: to prove that nothing was sent. */
    public List<ConsumerRecord<String, String>> drain(Duration during) {
        long end = System.nanoTime() + during.toNanos();
        while (System.nanoTime() < end) {
            poll(Duration.ofMillis(100));
        }
        return new ArrayList<>(received);
    }

    private void poll(Duration duration) {
        consumer.poll(duration).forEach(received::add);
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(1));
    }
}
