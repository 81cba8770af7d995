package fr.tremplin.common.kafka;

import fr.tremplin.common.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Who may do what on the platform's broker (docs/KAFKA.md): the one table of principals and ACLs, applied by
 * {@code bin/infra up} (through {@link #main}) and by the tests' {@code KafkaTestResource}, and the relay accounts
 * applications-service creates. Plain Java on kafka-clients alone, so that bin/infra can compile it with
 * {@link Topics} and run it without building the services.
 */
public final class KafkaAccess {

    /** The broker's own principal and the only super user: inter-broker traffic, setup, topic creation. */
    public static final String ADMIN = "admin";
    /** applications-service's second principal, used only to create, rotate and remove relay accounts. */
    public static final String RELAY_ACCOUNTS = "relay-accounts";
    public static final String MECHANISM = "SCRAM-SHA-512";
    public static final String RELAY_PRINCIPAL_PREFIX = "relay-";
    private static final int SCRAM_ITERATIONS = 8192;

    /** One service's rights: topics it writes, topics it reads, consumer groups it uses. */
    public record ServiceAccess(String principal, List<String> writes, List<String> reads, List<String> groups,
                                List<String> writtenTopicPrefixes) {
    }

    /**
     * Each service writes its own topic and the dead letters of what it consumes, reads what its channels and its
     * statistics rebuild read, in its own group. applications-service also creates and writes the relays' feeds.
     */
    public static final List<ServiceAccess> SERVICES = List.of(
            new ServiceAccess("offers-service",
                    List.of(Topics.OFFERS, Topics.deadLetter(Topics.OFFERS), Topics.deadLetter(Topics.SCHOOLS),
                            Topics.deadLetter(Topics.APPLICATIONS)),
                    List.of(Topics.OFFERS, Topics.SCHOOLS, Topics.APPLICATIONS),
                    List.of("offers-service"), List.of()),
            new ServiceAccess("schools-service",
                    List.of(Topics.SCHOOLS, Topics.deadLetter(Topics.APPLICATIONS)),
                    List.of(Topics.APPLICATIONS),
                    List.of("schools-service"), List.of()),
            new ServiceAccess("applications-service",
                    List.of(Topics.APPLICATIONS, Topics.deadLetter(Topics.OFFERS), Topics.deadLetter(Topics.SCHOOLS)),
                    List.of(Topics.OFFERS, Topics.SCHOOLS),
                    List.of("applications-service"), List.of(relayFeedPrefix())));

    private KafkaAccess() {
    }

    /** Every principal whose password the platform's setup holds: the admin, the services, the relay accounts'. */
    public static List<String> platformPrincipals() {
        List<String> principals = new ArrayList<>();
        principals.add(ADMIN);
        SERVICES.forEach(service -> principals.add(service.principal()));
        principals.add(RELAY_ACCOUNTS);
        return principals;
    }

    public static List<AclBinding> serviceBindings(ServiceAccess service) {
        List<AclBinding> bindings = new ArrayList<>();
        String user = user(service.principal());
        service.writes().forEach(topic -> bindings.add(allow(user, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE)));
        service.reads().forEach(topic -> bindings.add(allow(user, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ)));
        service.groups().forEach(group -> bindings.add(allow(user, ResourceType.GROUP, group, PatternType.LITERAL, AclOperation.READ)));
        for (String prefix : service.writtenTopicPrefixes()) {
            for (AclOperation operation : List.of(AclOperation.CREATE, AclOperation.WRITE, AclOperation.DESCRIBE)) {
                bindings.add(allow(user, ResourceType.TOPIC, prefix, PatternType.PREFIXED, operation));
            }
        }
        return bindings;
    }

    /** Creating SCRAM credentials and ACLs both need ALTER on the cluster; DESCRIBE to read the ACLs back. */
    public static List<AclBinding> relayAccountsBindings() {
        String user = user(RELAY_ACCOUNTS);
        return List.of(allow(user, ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL, AclOperation.ALTER),
                allow(user, ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL, AclOperation.DESCRIBE));
    }

    public static String relayPrincipal(String relayId) {
        return RELAY_PRINCIPAL_PREFIX + relayId;
    }

    /**
     * A relay's consumer groups: {@code relay-<id>.} and anything after it. The dot ends the id, so relay {@code a}
     * gets nothing of relay {@code a-b}'s groups (relay ids have no dots: TerritoryId).
     */
    public static String relayGroupPrefix(String relayId) {
        return relayPrincipal(relayId) + ".";
    }

    /** A relay reads its own feed and commits offsets in its own groups: nothing else. */
    public static List<AclBinding> relayBindings(String relayId) {
        String user = user(relayPrincipal(relayId));
        String feed = Topics.relayFeed(relayId);
        return List.of(allow(user, ResourceType.TOPIC, feed, PatternType.LITERAL, AclOperation.READ),
                allow(user, ResourceType.TOPIC, feed, PatternType.LITERAL, AclOperation.DESCRIBE),
                allow(user, ResourceType.GROUP, relayGroupPrefix(relayId), PatternType.PREFIXED, AclOperation.READ));
    }

    /** Every ACL naming the principal, whatever its resource: what removing an account deletes. */
    public static AclBindingFilter everythingOf(String principal) {
        return new AclBindingFilter(ResourcePatternFilter.ANY, new AccessControlEntryFilter(user(principal), null,
                AclOperation.ANY, AclPermissionType.ANY));
    }

    public static UserScramCredentialUpsertion credential(String principal, String password) {
        return new UserScramCredentialUpsertion(principal,
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password);
    }

    /** The client settings of a principal on the broker's SASL listener. */
    public static Map<String, Object> clientConfig(String bootstrapServers, String principal, String password) {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        config.put(SaslConfigs.SASL_JAAS_CONFIG, scramJaas(principal, password));
        return config;
    }

    public static String scramJaas(String principal, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + principal
                + "\" password=\"" + password + "\";";
    }

    /**
     * Sets every platform principal's SCRAM credential (passwords by principal, as given) and makes the service
     * principals' ACLs exactly the table's: missing ones created, others of theirs deleted. Run again at will, as the
     * admin on the client listener: the admin's own credential is in the cluster's metadata from its very start
     * (bin/infra: {@code kafka-storage format --add-scram}; the tests: the test kit's bootstrap records).
     */
    public static void apply(Admin admin, Map<String, String> passwords) {
        List<UserScramCredentialUpsertion> credentials = new ArrayList<>();
        for (String principal : platformPrincipals()) {
            String password = passwords.get(principal);
            if (password == null || password.isBlank()) {
                throw new IllegalArgumentException("no password given for principal " + principal);
            }
            credentials.add(credential(principal, password));
        }
        Map<String, List<AclBinding>> wanted = new LinkedHashMap<>();
        SERVICES.forEach(service -> wanted.put(service.principal(), serviceBindings(service)));
        wanted.put(RELAY_ACCOUNTS, relayAccountsBindings());
        try {
            admin.alterUserScramCredentials(List.copyOf(credentials)).all().get(60, TimeUnit.SECONDS);
            List<AclBindingFilter> stale = new ArrayList<>();
            for (Map.Entry<String, List<AclBinding>> entry : wanted.entrySet()) {
                for (AclBinding existing : admin.describeAcls(everythingOf(entry.getKey())).values()
                        .get(60, TimeUnit.SECONDS)) {
                    if (!entry.getValue().contains(existing)) {
                        stale.add(existing.toFilter());
                    }
                }
            }
            if (!stale.isEmpty()) {
                admin.deleteAcls(stale).all().get(60, TimeUnit.SECONDS);
            }
            admin.createAcls(wanted.values().stream().flatMap(List::stream).toList()).all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not apply the platform's Kafka access: " + e.getCause(), e.getCause());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("could not apply the platform's Kafka access", e);
        }
    }

    private static String user(String principal) {
        return "User:" + principal;
    }

    /** What every relay feed's name starts with, taken from {@link Topics#relayFeed} so that the two cannot part. */
    private static String relayFeedPrefix() {
        String sample = Topics.relayFeed("x");
        return sample.substring(0, sample.indexOf("x"));
    }

    private static AclBinding allow(String user, ResourceType type, String name, PatternType pattern, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(user, "*", operation, AclPermissionType.ALLOW));
    }

    /**
     * The broker's security settings: its client listener takes SCRAM-SHA-512 only, its controller listener PLAIN
     * with the admin alone (SCRAM credentials live in the metadata the controller serves, so they cannot guard its
     * own door), KRaft's standard authorizer denies what no ACL allows, and the admin is the one super user.
     */
    public static Map<String, String> brokerSecurity(String clientListener, String controllerListener, String adminPassword) {
        String client = clientListener.toLowerCase(Locale.ROOT);
        String controller = controllerListener.toLowerCase(Locale.ROOT);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("listener.security.protocol.map", clientListener + ":SASL_PLAINTEXT," + controllerListener + ":SASL_PLAINTEXT");
        config.put("sasl.enabled.mechanisms", MECHANISM);
        config.put("listener.name." + controller + ".sasl.enabled.mechanisms", "PLAIN");
        config.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        config.put("sasl.mechanism.controller.protocol", "PLAIN");
        config.put("listener.name." + client + ".scram-sha-512.sasl.jaas.config", scramJaas(ADMIN, adminPassword));
        config.put("listener.name." + controller + ".plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + ADMIN
                        + "\" password=\"" + adminPassword + "\" user_" + ADMIN + "=\"" + adminPassword + "\";");
        config.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        config.put("allow.everyone.if.no.acl.found", "false");
        config.put("super.users", user(ADMIN));
        return config;
    }

    /**
     * {@code KafkaAccess credentials <credentials-dir>} writes a random password for each platform principal that has
     * none yet (owner-only files); {@code KafkaAccess broker-config <client-listener> <controller-listener> <credentials-dir>} prints the broker's
     * security settings ({@link #brokerSecurity}) as properties; {@code KafkaAccess apply <bootstrap-servers>
     * <credentials-dir>} applies the table ({@link #apply}). The credentials folder holds one file per principal
     * ({@link #platformPrincipals}), its password on one line.
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("credentials")) {
            makeMissingCredentials(Path.of(args[1]));
            return;
        }
        if (args.length == 4 && args[0].equals("broker-config")) {
            String adminPassword = Files.readString(Path.of(args[3]).resolve(ADMIN)).strip();
            brokerSecurity(args[1], args[2], adminPassword).forEach((key, value) -> System.out.println(key + "=" + value));
            return;
        }
        if (args.length != 3 || !args[0].equals("apply")) {
            System.err.println("usage: KafkaAccess credentials <credentials-dir>"
                    + " | broker-config <client-listener> <controller-listener> <credentials-dir>"
                    + " | apply <bootstrap-servers> <credentials-dir>");
            System.exit(2);
        }
        Path dir = Path.of(args[2]);
        Map<String, String> passwords = new HashMap<>();
        for (String principal : platformPrincipals()) {
            passwords.put(principal, Files.readString(dir.resolve(principal)).strip());
        }
        try (Admin admin = Admin.create(clientConfig(args[1], ADMIN, passwords.get(ADMIN)))) {
            apply(admin, passwords);
        }
        System.out.println("Kafka access applied: " + platformPrincipals());
    }

    private static void makeMissingCredentials(Path dir) throws IOException {
        Files.createDirectories(dir);
        SecureRandom random = new SecureRandom();
        for (String principal : platformPrincipals()) {
            Path file = dir.resolve(principal);
            if (Files.exists(file)) {
                continue;
            }
            byte[] bytes = new byte[24];
            random.nextBytes(bytes);
            Path written = Files.createFile(file, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
            Files.writeString(written, HexFormat.of().formatHex(bytes) + "\n");
        }
    }
}
