package fr.tremplin.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * A real Kafka broker (KRaft, Kafka's own test kit) started once per JVM, or the broker named by
 * {@code KAFKA_BOOTSTRAP_SERVERS} when set. The platform's topics are created with several partitions.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static final List<String> TOPICS = List.of("tremplin.offers.v1", "tremplin.schools.v1",
            "tremplin.applications.v1");

    private static KafkaClusterTestKit cluster;
    private static String bootstrapServers;

    @Override
    public synchronized Map<String, String> start() {
        if (bootstrapServers == null) {
            String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
            bootstrapServers = external != null && !external.isBlank() ? external : startEmbedded();
            createTopics();
        }
        return Map.of("kafka.bootstrap.servers", bootstrapServers);
    }

    @Override
    public void stop() {
        // Kept for the next Quarkus application of this JVM; the JVM's end takes it down.
    }

    public static synchronized String bootstrapServers() {
        return bootstrapServers;
    }

    /** Takes the embedded broker down, to prove that an outage loses nothing. */
    public static synchronized void stopBroker() {
        requireEmbedded().brokers().values().forEach(broker -> broker.shutdown());
    }

    public static synchronized void startBroker() {
        requireEmbedded().brokers().values().forEach(broker -> broker.startup());
        try {
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("broker did not come back", e);
        }
    }

    private static KafkaClusterTestKit requireEmbedded() {
        if (cluster == null) {
            throw new IllegalStateException("the broker is external (KAFKA_BOOTSTRAP_SERVERS); it cannot be stopped here");
        }
        return cluster;
    }

    private static String startEmbedded() {
        try {
            Path base = Files.createDirectories(Path.of("target", "kafka"));
            cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(Files.createTempDirectory(base, "kraft"))
                    .build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("num.partitions", "3")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    cluster.close();
                } catch (Exception ignored) {
                    // the JVM is ending anyway
                }
            }));
            return cluster.bootstrapServers();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the test Kafka broker", e);
        }
    }

    private static void createTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (String topic : TOPICS) {
                create(admin, new NewTopic(topic, 6, (short) 1));
                create(admin, new NewTopic(topic + ".dlq", 1, (short) 1));
            }
        }
    }

    private static void create(Admin admin, NewTopic topic) {
        try {
            admin.createTopics(List.of(topic)).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create topic " + topic.name(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
