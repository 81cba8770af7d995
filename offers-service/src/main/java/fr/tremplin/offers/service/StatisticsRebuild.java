package fr.tremplin.offers.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tremplin.common.events.IncomingEvent;
import fr.tremplin.common.events.Topics;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.offers.api.PupilErased;
import fr.tremplin.offers.api.StatisticsRebuildReport;
import fr.tremplin.offers.repository.StatisticsFacts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recomputes the statistics facts from scratch (docs/OFFERS.md, "Statistics projection"): in one transaction, empties
 * the fact tables, then replays {@code tremplin.offers.v1}, {@code tremplin.applications.v1} and
 * {@code tremplin.schools.v1} from their beginning up to the end offsets taken once the tables are emptied, reading
 * each record with the live consumers' {@link EventReaders} and folding it with the same {@link StatisticsProjection}.
 * Schools come last, so that every erasure meets the candidacies it must anonymise. Live consumers keep running: the
 * fold being idempotent and order-tolerant, what they apply meanwhile converges with the replay; an erasure waits for
 * the rebuild's commit. Readers see the old figures until then.
 */
@ApplicationScoped
public class StatisticsRebuild {

    private static final Logger LOG = Logger.getLogger(StatisticsRebuild.class);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);

    private final StatisticsFacts facts;
    private final StatisticsProjection projection;
    private final ObjectMapper mapper;
    private final Map<String, Object> kafkaConfig;
    private final Duration timeout;
    /** The topics the live channels read (a deployment or a benchmark may rename them), in replay order. */
    private final String offersTopic;
    private final String applicationsTopic;
    private final String schoolsTopic;

    public StatisticsRebuild(StatisticsFacts facts, StatisticsProjection projection, ObjectMapper mapper,
                             @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                             @ConfigProperty(name = "tremplin.statistics.rebuild-timeout", defaultValue = "1h")
                             Duration timeout,
                             @ConfigProperty(name = "mp.messaging.incoming.offers.topic", defaultValue = Topics.OFFERS)
                             String offersTopic,
                             @ConfigProperty(name = "mp.messaging.incoming.applications.topic",
                                     defaultValue = Topics.APPLICATIONS) String applicationsTopic,
                             @ConfigProperty(name = "mp.messaging.incoming.schools.topic", defaultValue = Topics.SCHOOLS)
                             String schoolsTopic) {
        this.facts = facts;
        this.projection = projection;
        this.mapper = mapper;
        this.kafkaConfig = kafkaConfig;
        this.timeout = timeout;
        this.offersTopic = offersTopic;
        this.applicationsTopic = applicationsTopic;
        this.schoolsTopic = schoolsTopic;
    }

    public StatisticsRebuildReport rebuild() {
        long start = System.nanoTime();
        StatisticsRebuildReport report = QuarkusTransaction.requiringNew()
                .timeout((int) Math.min(Integer.MAX_VALUE, timeout.toSeconds()))
                .call(() -> replay(start));
        LOG.infof("statistics rebuilt in %d ms: events %s, %d skipped, rows %s", report.durationMs(),
                report.eventsRead(), report.eventsSkipped(), report.rows());
        return report;
    }

    private StatisticsRebuildReport replay(long start) {
        if (!facts.startRebuild()) {
            throw ProblemException.conflict("A rebuild of the statistics is already running.");
        }
        Map<String, Long> read = new LinkedHashMap<>();
        long skipped = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(),
                new StringDeserializer())) {
            Map<TopicPartition, Long> ends = new HashMap<>();
            List<String> topics = List.of(offersTopic, applicationsTopic, schoolsTopic);
            for (String topic : topics) {
                ends.putAll(consumer.endOffsets(partitions(consumer, topic), KAFKA_TIMEOUT));
            }
            for (String topic : topics) {
                long[] counts = replayTopic(consumer, topic, ends);
                read.put(topic, counts[0]);
                skipped += counts[1];
            }
        }
        return new StatisticsRebuildReport(read, skipped, facts.rowCounts(),
                Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, KAFKA_TIMEOUT);
        List<TopicPartition> partitions = new ArrayList<>();
        if (infos != null) {
            infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        return partitions;
    }

    /** Events read and events skipped (unreadable: the live consumers sent them to the dead letters). */
    private long[] replayTopic(KafkaConsumer<String, String> consumer, String topic, Map<TopicPartition, Long> ends) {
        Set<TopicPartition> remaining = new HashSet<>();
        ends.forEach((partition, end) -> {
            if (partition.topic().equals(topic) && end > 0) {
                remaining.add(partition);
            }
        });
        long[] counts = new long[2];
        if (remaining.isEmpty()) {
            return counts;
        }
        consumer.assign(remaining);
        consumer.seekToBeginning(remaining);
        remaining.removeIf(partition -> consumer.position(partition, KAFKA_TIMEOUT) >= ends.get(partition));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!remaining.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("statistics rebuild: " + topic + " not read before the timeout");
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() >= ends.get(partition)) {
                    continue; // after the end offsets: the live consumers apply it
                }
                counts[0]++;
                if (!fold(record)) {
                    counts[1]++;
                }
            }
            remaining.removeIf(partition -> consumer.position(partition, KAFKA_TIMEOUT) >= ends.get(partition));
        }
        consumer.unsubscribe();
        return counts;
    }

    /** The same reading and folding as the live consumers; false when the record is poison. */
    private boolean fold(ConsumerRecord<String, String> record) {
        try {
            IncomingEvent event = IncomingEvent.from(record, mapper);
            String topic = record.topic();
            if (topic.equals(offersTopic)) {
                EventReaders.offer(event).ifPresent(projection::offer);
            } else if (topic.equals(applicationsTopic)) {
                EventReaders.candidacy(event).ifPresent(projection::candidacy);
            } else if (topic.equals(schoolsTopic)) {
                EventReaders.school(event).ifPresent(school -> {
                    if (school instanceof PupilErased erased) {
                        projection.erase(erased);
                    }
                });
            } else {
                throw new IllegalStateException("unexpected topic " + topic);
            }
            return true;
        } catch (IncomingEvent.MalformedEventException e) {
            LOG.debugf("statistics rebuild skips the poison record at %s-%d@%d: %s", record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            return false;
        }
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> properties = new HashMap<>(kafkaConfig);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG); // assigned partitions, no offsets committed
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "offers-service-statistics-rebuild");
        return properties;
    }
}
