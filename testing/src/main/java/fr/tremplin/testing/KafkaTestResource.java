package fr.tremplin.testing;

import fr.tremplin.common.kafka.KafkaAccess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.metadata.UserScramCredentialRecord;
import org.apache.kafka.common.security.scram.ScramCredential;
import org.apache.kafka.common.security.scram.internals.ScramFormatter;
import org.apache.kafka.common.security.scram.internals.ScramMechanism;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.server.common.ApiMessageAndVersion;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * A real Kafka broker (KRaft, Kafka's own test kit) started once per JVM with the platform's security (docs/KAFKA.md):
 * SASL SCRAM-SHA-512 on its client listener, the standard authorizer, the ACL table of {@link KafkaAccess}, fresh random
 * passwords for every principal. The service under test connects as its own principal, named by the resource's
 * {@code principal} argument, so that its tests fail if the table misses a right it needs. Tests that play another
 * service or a relay use {@link #adminConfig()} (the super user) or {@link #clientConfig(String, String)}.
 * <p>
 * With {@code KAFKA_BOOTSTRAP_SERVERS} set, the broker named there is used instead (bin/infra's), with the passwords of
 * the folder {@code TREMPLIN_KAFKA_CREDENTIALS} names (bin/infra's {@code .platform/kafka/credentials}).
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static final List<String> TOPICS = List.of("tremplin.offers.v1", "tremplin.schools.v1",
            "tremplin.applications.v1");
    private static final String CLIENT_LISTENER = "EXTERNAL";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private static KafkaClusterTestKit cluster;
    private static String bootstrapServers;
    private static Map<String, String> passwords;

    private String principal;

    @Override
    public void init(Map<String, String> initArgs) {
        principal = initArgs.get("principal");
    }

    @Override
    public synchronized Map<String, String> start() {
        if (principal == null || !KafkaAccess.platformPrincipals().contains(principal)) {
            throw new IllegalArgumentException("KafkaTestResource needs initArgs principal = one of "
                    + KafkaAccess.platformPrincipals() + ", got " + principal);
        }
        ensureStarted();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", bootstrapServers);
        config.put("kafka.security.protocol", "SASL_PLAINTEXT");
        config.put("kafka.sasl.mechanism", KafkaAccess.MECHANISM);
        config.put("kafka.sasl.jaas.config", KafkaAccess.scramJaas(principal, passwords.get(principal)));
        config.put("tremplin.relays.kafka.password", passwords.get(KafkaAccess.RELAY_ACCOUNTS));
        return config;
    }

    @Override
    public void stop() {
        // Kept for the next Quarkus application of this JVM; the JVM's end takes it down.
    }

    private static synchronized void ensureStarted() {
        if (bootstrapServers != null) {
            return;
        }
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (external != null && !external.isBlank()) {
            passwords = readCredentials();
            bootstrapServers = external;
        } else {
            passwords = new HashMap<>();
            KafkaAccess.platformPrincipals().forEach(name -> passwords.put(name, randomPassword()));
            bootstrapServers = startEmbedded();
        }
        createTopics();
    }

    public static synchronized String bootstrapServers() {
        return bootstrapServers;
    }

    /** The super user's client settings: for tests that play another service, feed a topic or read any of them. */
    public static synchronized Map<String, Object> adminConfig() {
        return clientConfig(KafkaAccess.ADMIN, passwords.get(KafkaAccess.ADMIN));
    }

    /** A principal's client settings with the given password (a wrong one, to prove it is refused). */
    public static synchronized Map<String, Object> clientConfig(String principal, String password) {
        return KafkaAccess.clientConfig(bootstrapServers, principal, password);
    }

    /** The password this broker holds for a platform principal (a service's, the relay accounts'). */
    public static synchronized String password(String principal) {
        return passwords.get(principal);
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

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static Map<String, String> readCredentials() {
        String folder = System.getenv("TREMPLIN_KAFKA_CREDENTIALS");
        if (folder == null || folder.isBlank()) {
            throw new IllegalStateException("KAFKA_BOOTSTRAP_SERVERS names a secured broker: set TREMPLIN_KAFKA_CREDENTIALS "
                    + "to its credentials folder (bin/infra: .platform/kafka/credentials)");
        }
        Map<String, String> read = new HashMap<>();
        for (String name : KafkaAccess.platformPrincipals()) {
            try {
                read.put(name, Files.readString(Path.of(folder, name)).strip());
            } catch (IOException e) {
                throw new IllegalStateException("no password for " + name + " in " + folder, e);
            }
        }
        return read;
    }

    private static String startEmbedded() {
        try {
            Path base = Files.createDirectories(Path.of("target", "kafka"));
            // The test kit's own SASL mode (setBrokerSecurityProtocol) means PLAIN users written to a JVM-wide JAAS
            // file: the listeners stay the kit's default PLAINTEXT ones, and our settings make them SASL.
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder(withAdminCredential())
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
                    .setConfigProp("num.partitions", "3");
            KafkaAccess.brokerSecurity(CLIENT_LISTENER, CONTROLLER_LISTENER, passwords.get(KafkaAccess.ADMIN))
                    .forEach(builder::setConfigProp);
            cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            try (Admin admin = Admin.create(KafkaAccess.clientConfig(cluster.bootstrapServers(), KafkaAccess.ADMIN,
                    passwords.get(KafkaAccess.ADMIN)))) {
                KafkaAccess.apply(admin, passwords);
            }
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

    /**
     * The test kit's bootstrap metadata plus the admin's SCRAM credential, as {@code kafka-storage format --add-scram}
     * does for bin/infra's broker: the kit's own format() ignores SCRAM, and the Admin API refuses to alter SCRAM
     * credentials through the controller listener ("not yet supported when communicating directly with the controller
     * quorum"), so the records must be there when the controller starts.
     */
    private static BootstrapMetadata withAdminCredential() throws Exception {
        BootstrapMetadata defaults = new TestKitNodes.Builder().build().bootstrapMetadata();
        ScramCredential credential = new ScramFormatter(ScramMechanism.SCRAM_SHA_512)
                .generateCredential(passwords.get(KafkaAccess.ADMIN), 8192);
        List<ApiMessageAndVersion> records = new ArrayList<>(defaults.records());
        records.add(new ApiMessageAndVersion(new UserScramCredentialRecord()
                .setName(KafkaAccess.ADMIN)
                .setMechanism(ScramMechanism.SCRAM_SHA_512.type())
                .setSalt(credential.salt())
                .setStoredKey(credential.storedKey())
                .setServerKey(credential.serverKey())
                .setIterations(credential.iterations()), (short) 0));
        return BootstrapMetadata.fromRecords(records, defaults.source());
    }

    private static void createTopics() {
        try (Admin admin = Admin.create(adminConfig())) {
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
