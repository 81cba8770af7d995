package fr.tremplin.testing;

import fr.tremplin.common.kafka.KafkaAccess;
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
import java.util.function.Supplier;

/**
 * The one secured test broker of a JVM (see {@link KafkaTestResource}), kept in the JVM's system class loader: Quarkus
 * loads a test resource again in each application's class loader (a test profile restarts the application), and a
 * second SASL broker in the same JVM cannot work, since the JDK's SASL providers are registered once, JVM-wide, with
 * the first class loader's Kafka classes (a second broker's callbacks are then of the wrong class). Every method
 * takes and returns JDK types only, so that any class loader can call it through reflection.
 */
public final class KafkaTestBroker {

    private static final List<String> TOPICS = List.of("tremplin.offers.v1", "tremplin.schools.v1",
            "tremplin.applications.v1");
    private static final String CLIENT_LISTENER = "EXTERNAL";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private static KafkaClusterTestKit cluster;
    private static String bootstrapServers;
    private static Map<String, String> passwords;

    private KafkaTestBroker() {
    }

    /** Starts the broker (or takes the external one) once; returns its bootstrap servers. */
    public static synchronized String ensureStarted() {
        if (bootstrapServers != null) {
            return bootstrapServers;
        }
        return withOwnClassLoader(KafkaTestBroker::startOnce);
    }

    private static String startOnce() {
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
        return bootstrapServers;
    }

    /** The passwords of the platform's principals, by principal. */
    public static synchronized Map<String, String> passwords() {
        return Map.copyOf(passwords);
    }

    public static synchronized void stop() {
        withOwnClassLoader(() -> {
            requireEmbedded().brokers().values().forEach(broker -> broker.shutdown());
            return null;
        });
    }

    public static synchronized void start() {
        withOwnClassLoader(() -> {
            requireEmbedded().brokers().values().forEach(broker -> broker.startup());
            try {
                cluster.waitForReadyBrokers();
            } catch (Exception e) {
                throw new IllegalStateException("broker did not come back", e);
            }
            return null;
        });
    }

    /**
     * Kafka loads its plugins (the authorizer, login modules) through the thread's context class loader, and the
     * broker's threads inherit it: it must be this class's loader, not the calling Quarkus application's.
     */
    private static <T> T withOwnClassLoader(Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader caller = thread.getContextClassLoader();
        thread.setContextClassLoader(KafkaTestBroker.class.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(caller);
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
                    .setConfigProp("num.partitions", "3")
                    // the log cleaner's dedupe buffer lives on the heap, 128 MiB by default: in the test's own JVM
                    .setConfigProp("log.cleaner.dedupe.buffer.size", "8388608");
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
        try (Admin admin = Admin.create(KafkaAccess.clientConfig(bootstrapServers, KafkaAccess.ADMIN,
                passwords.get(KafkaAccess.ADMIN)))) {
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
