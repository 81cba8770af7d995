package fr.tremplin.offers;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.providers.impl.ConnectorConfig;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings every Kafka channel shares are set once, in tremplin-common (META-INF/microprofile-config.properties,
 * defaults of the smallrye-kafka connector), and each channel of the service runs with them: read from the Kafka
 * consumers the channels were started with, and from the connector's own view of each channel (batch,
 * failure-strategy), which looks at the channel's attribute first, then at the connector's.
 */
@QuarkusTest
class ChannelSettingsTest {

    private static final String CONNECTOR = "mp.messaging.connector.smallrye-kafka.";

    @Inject
    KafkaClientService kafka;

    @Test
    void everyChannelsConsumersRunWithTheSharedSettingsAndTheirOwnTopicAndGroup() {
        // concurrency=2 on applications, the service's own setting: two consumers, channels applications$1 and $2
        assertThat(kafka.getConsumerChannels())
                .containsExactlyInAnyOrder("schools", "applications$1", "applications$2", "offers");
        for (String copy : kafka.getConsumerChannels()) {
            Map<String, String> client = new TreeMap<>();
            kafka.getConsumer(copy).configuration().forEach((k, v) -> client.put(k, String.valueOf(v)));
            assertThat(client).as(copy)
                    .containsEntry("group.id", "offers-service")
                    .containsEntry("auto.offset.reset", "earliest")
                    .containsEntry("fetch.max.bytes", "4194304")
                    .containsEntry("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer")
                    .containsEntry("max.poll.records", "200")
                    .containsEntry("session.timeout.ms", "10000")
                    .containsEntry("heartbeat.interval.ms", "3000")
                    // %prod only: in tests a fetch with nothing to read waits Kafka's 0.5 s
                    .doesNotContainKey("fetch.max.wait.ms");
        }
        Map<String, String> topics = Map.of("schools", "tremplin.schools.v1",
                "applications", "tremplin.applications.v1", "offers", "tremplin.offers.v1");
        for (String channel : topics.keySet()) {
            KafkaConnectorIncomingConfiguration incoming = new KafkaConnectorIncomingConfiguration(
                    new ConnectorConfig("mp.messaging.incoming.", ConfigProvider.getConfig(), channel) {
                    });
            assertThat(incoming.getTopic()).as(channel).contains(topics.get(channel));
            assertThat(incoming.getBatch()).as(channel).isTrue();
            assertThat(incoming.getFailureStrategy()).as(channel).isEqualTo("fail");
        }
    }

    @Test
    void theSharedSettingsComeFromTremplinCommonNotFromEachChannel() {
        Config config = ConfigProvider.getConfig();
        for (String attribute : List.of("auto.offset.reset", "fetch.max.bytes", "value.deserializer", "batch",
                "max.poll.records", "failure-strategy", "session.timeout.ms", "heartbeat.interval.ms")) {
            ConfigValue shared = config.getConfigValue(CONNECTOR + attribute);
            // tremplin-common's jar, or its target/classes when the tests resolve it from the workspace
            assertThat(shared.getSourceName()).as(attribute).contains("common")
                    .contains("META-INF/microprofile-config.properties").doesNotContain("offers-service");
            assertThat(shared.getSourceOrdinal()).as(attribute).isEqualTo(100);
            for (String channel : List.of("schools", "applications", "offers")) {
                ConfigValue own = config.getConfigValue("mp.messaging.incoming." + channel + "." + attribute);
                // none set by the service; batch=true only as the default Quarkus itself derives from the
                // method's parameter (ConsumerRecords), in its lowest-ordinal source of defaults
                if (own.getRawValue() != null) {
                    assertThat(attribute).as(channel).isEqualTo("batch");
                    assertThat(own.getSourceName()).as(channel).doesNotContain("application.properties");
                    assertThat(own.getSourceOrdinal()).as(channel).isLessThan(shared.getSourceOrdinal());
                }
            }
        }
        assertThat(config.getConfigValue(CONNECTOR + "fetch.max.wait.ms").getRawValue()).as("%prod only").isNull();
    }
}
