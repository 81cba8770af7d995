package fr.tremplin.applications.events;

import fr.tremplin.applications.config.ApplicationsConfig;
import fr.tremplin.common.events.Topics;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the relays' feed topics ({@code Topics.relayFeed}) with the Kafka Admin client, so that they exist before the
 * outbox sends to them: the outbox relay publishes in order, and a record for a missing topic (where the broker does
 * not create topics on the fly) would hold back every event behind it. Idempotent: an existing topic is left as it is.
 * Only topics: who may read them (credentials, ACLs) is another concern, kept apart.
 */
@ApplicationScoped
public class RelayFeedTopics {

    private final Map<String, Object> kafkaConfig;
    private final int partitions;
    private final short replicationFactor;

    public RelayFeedTopics(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                           ApplicationsConfig config) {
        this.kafkaConfig = kafkaConfig;
        this.partitions = config.relayFeed().partitions();
        this.replicationFactor = config.relayFeed().replicationFactor();
    }

    /** Creates the feed topics of these relays that do not exist yet; throws when the broker cannot be reached. */
    public void ensure(Collection<String> relayIds) {
        if (relayIds.isEmpty()) {
            return;
        }
        List<NewTopic> topics = relayIds.stream()
                .map(id -> new NewTopic(Topics.relayFeed(id), partitions, replicationFactor)).toList();
        try (Admin admin = Admin.create(adminConfig())) {
            for (var result : admin.createTopics(topics).values().values()) {
                try {
                    result.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create a relay feed topic: "
                                + e.getCause().getClass().getSimpleName(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating relay feed topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the broker did not answer in time while creating relay feed topics", e);
        }
    }

    /** The connection settings of the service's Kafka clients that an Admin client understands. */
    private Map<String, Object> adminConfig() {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "applications-service-relay-feeds");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        return config;
    }
}
