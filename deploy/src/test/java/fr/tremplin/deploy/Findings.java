package fr.tremplin.deploy;

import fr.tremplin.common.events.Topics;
import fr.tremplin.common.kafka.KafkaAccess;
import org.apache.kafka.common.acl.AclBinding;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What would make a rendered overlay fail its first campaign (issue 15), each check a list of findings (empty: fine).
 * The checks read the objects as the cluster would get them, and the services' application.properties where the
 * manifests leave a setting to the image.
 */
final class Findings {

    static final List<String> SERVICES = List.of("offers-service", "schools-service", "applications-service");
    static final String GATEWAY = "gateway";
    /** PostgreSQL's default: connections kept for superusers, out of max_connections. */
    private static final int SUPERUSER_RESERVED = 3;

    private Findings() {
    }

    /** Behind the Ingress, the rate limiter must see the client's address, taken only from trusted peers. */
    static List<String> proxyForwarding(Rendered r) {
        List<String> found = new ArrayList<>();
        JsonNode gateway = r.find("Deployment", GATEWAY).orElse(null);
        if (gateway == null) {
            return List.of("no gateway Deployment");
        }
        if (!"true".equals(r.setting(gateway, "quarkus.http.proxy.proxy-address-forwarding").orElse("false"))) {
            found.add("gateway: quarkus.http.proxy.proxy-address-forwarding is not true: every anonymous client "
                    + "shares the Ingress controller's rate-limit bucket");
        }
        if (!"true".equals(r.setting(gateway, "quarkus.http.proxy.allow-x-forwarded").orElse("false"))) {
            found.add("gateway: quarkus.http.proxy.allow-x-forwarded is not true (the Ingress sends X-Forwarded-For)");
        }
        String trusted = r.setting(gateway, "quarkus.http.proxy.trusted-proxies").orElse("");
        if (trusted.isBlank()) {
            found.add("gateway: no quarkus.http.proxy.trusted-proxies: any client could forge X-Forwarded-For");
        } else if (trusted.contains("0.0.0.0/0") || trusted.contains("::/0")) {
            found.add("gateway: trusted-proxies trusts every address: " + trusted);
        }
        return found;
    }

    /** Readiness must not fail while Kafka is away: the outbox holds the events. */
    static List<String> readinessTiedToKafka(Rendered r) {
        List<String> found = new ArrayList<>();
        for (String service : SERVICES) {
            JsonNode deployment = r.find("Deployment", service).orElse(null);
            if (deployment == null) {
                found.add("no Deployment " + service);
                continue;
            }
            JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").path(0);
            expectProbe(found, service, container, "readinessProbe", "/q/health/ready");
            expectProbe(found, service, container, "livenessProbe", "/q/health/live");
            if ("true".equals(r.setting(deployment, "quarkus.kafka.health.enabled").orElse("false"))) {
                found.add(service + ": quarkus.kafka.health.enabled=true puts the broker into readiness");
            }
            for (String channel : kafkaChannels(service)) {
                if (channelInReadiness(r, deployment, channel)) {
                    found.add(service + ": Kafka channel " + channel + " is part of readiness (set "
                            + "mp.messaging.connector.smallrye-kafka.health-readiness-enabled=false)");
                }
            }
        }
        return found;
    }

    private static void expectProbe(List<String> found, String service, JsonNode container, String probe, String path) {
        String actual = container.path(probe).path("httpGet").path("path").asString();
        if (!path.equals(actual)) {
            found.add(service + ": " + probe + " on '" + actual + "', not " + path);
        }
    }

    /** Channels of the service on the Kafka connector, e.g. {@code incoming.schools}. */
    private static List<String> kafkaChannels(String service) {
        List<String> channels = new ArrayList<>();
        Rendered.applicationProperties(service).forEach((key, value) -> {
            String k = key.toString();
            if (k.startsWith("mp.messaging.") && k.endsWith(".connector") && "smallrye-kafka".equals(value)) {
                channels.add(k.substring("mp.messaging.".length(), k.length() - ".connector".length()));
            }
        });
        return channels;
    }

    private static boolean channelInReadiness(Rendered r, JsonNode deployment, String channel) {
        for (String attribute : List.of("health-enabled", "health-readiness-enabled")) {
            Optional<String> own = r.setting(deployment, "mp.messaging." + channel + "." + attribute);
            Optional<String> connector = r.setting(deployment, "mp.messaging.connector.smallrye-kafka." + attribute);
            if ("false".equals(own.or(() -> connector).orElse("true"))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The services' pools against the Pooler: one PgBouncer must take every client (the others may be down), and the
     * Poolers' server connections with the notification listeners must fit in PostgreSQL's max_connections.
     */
    static List<String> poolsOverPooler(Rendered r) {
        List<String> found = new ArrayList<>();
        int clients = 0;
        int listeners = 0;
        Set<String> databases = new TreeSet<>();
        String poolerName = null;
        for (String service : SERVICES) {
            JsonNode deployment = r.find("Deployment", service).orElseThrow();
            String url = r.setting(deployment, "quarkus.datasource.jdbc.url").orElse("");
            URI uri = URI.create(url.substring("jdbc:".length()));
            poolerName = uri.getHost();
            if (r.find("Pooler", poolerName).isEmpty()) {
                found.add(service + ": its datasource goes to " + poolerName + ", not to a Pooler");
                continue;
            }
            databases.add(uri.getPath().substring(1));
            int maxSize = Integer.parseInt(r.setting(deployment, "quarkus.datasource.jdbc.max-size").orElse("20"));
            int pods = maxPods(r, deployment);
            clients += maxSize * pods;
            listeners += notificationListeners(service) * pods;
            if (r.setting(deployment, "tremplin.notifications.jdbc-url").orElse(url).equals(url)) {
                found.add(service + ": its LISTEN connection would go through the transaction-mode Pooler "
                        + "(set TREMPLIN_NOTIFICATIONS_JDBC_URL to the primary)");
            }
        }
        if (!found.isEmpty()) {
            return found;
        }
        JsonNode pooler = r.find("Pooler", poolerName).orElseThrow();
        JsonNode parameters = pooler.path("spec").path("pgbouncer").path("parameters");
        int maxClientConn = parameters.path("max_client_conn").asInt(100);
        int poolSize = parameters.path("default_pool_size").asInt(20) + parameters.path("reserve_pool_size").asInt(0);
        int poolers = pooler.path("spec").path("instances").asInt(1);
        if (clients > maxClientConn) {
            found.add("the services' pools open up to " + clients + " connections (max-size x (max replicas + surge)),"
                    + " more than one PgBouncer's max_client_conn " + maxClientConn);
        }
        JsonNode cluster = r.find("Cluster", pooler.path("spec").path("cluster").path("name").asString()).orElseThrow();
        int maxConnections = cluster.path("spec").path("postgresql").path("parameters").path("max_connections")
                .asInt(100);
        int servers = poolers * databases.size() * poolSize + listeners + SUPERUSER_RESERVED;
        if (servers > maxConnections) {
            found.add(poolers + " PgBouncers x " + databases.size() + " databases x " + poolSize + " + " + listeners
                    + " listeners + " + SUPERUSER_RESERVED + " reserved = " + servers
                    + " server connections, over max_connections " + maxConnections);
        }
        return found;
    }

    /** The most pods a Deployment has at once: its HPA's maximum (or its replicas), plus the rolling update's surge. */
    static int maxPods(Rendered r, JsonNode deployment) {
        int replicas = hpaFor(r, Rendered.name(deployment))
                .map(hpa -> hpa.path("spec").path("maxReplicas").asInt())
                .orElse(deployment.path("spec").path("replicas").asInt(1));
        JsonNode surge = deployment.path("spec").path("strategy").path("rollingUpdate").path("maxSurge");
        int extra = surge.isInt() ? surge.asInt()
                : (int) Math.ceil(replicas * Integer.parseInt(surge.asString("25%").replace("%", "")) / 100.0);
        return replicas + extra;
    }

    /** Connections a pod opens outside its pool: one per NotifiedLoop (common's outbox relay, and the module's own). */
    private static int notificationListeners(String service) {
        Path sources = Kustomize.root().resolve(service).resolve("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            long own = files.filter(f -> f.toString().endsWith(".java")).mapToLong(f -> {
                try {
                    return Files.readString(f).split("NotifiedLoop\\.start\\(", -1).length - 1;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
            return 1 + (int) own;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<JsonNode> hpaFor(Rendered r, String deployment) {
        return r.all("HorizontalPodAutoscaler").stream()
                .filter(hpa -> "Deployment".equals(hpa.path("spec").path("scaleTargetRef").path("kind").asString())
                        && deployment.equals(hpa.path("spec").path("scaleTargetRef").path("name").asString()))
                .findFirst();
    }

    /** An HPA-managed Deployment must not fix its replicas: every apply would reset the HPA's count. */
    static List<String> autoscaledWithReplicas(Rendered r) {
        List<String> found = new ArrayList<>();
        for (JsonNode deployment : r.all("Deployment")) {
            if (hpaFor(r, Rendered.name(deployment)).isPresent() && deployment.path("spec").has("replicas")) {
                found.add(Rendered.name(deployment) + ": spec.replicas set although an HPA manages it");
            }
        }
        return found;
    }

    /**
     * A hook or probe that runs a program in the container: the images' base has none but java (no shell, no sleep:
     * deploy/bin/base-image), so such a hook fails and the pod stops without its grace (preStop: sleep does the same
     * without a program).
     */
    static List<String> programsTheImageLacks(Rendered r) {
        List<String> found = new ArrayList<>();
        for (JsonNode deployment : r.all("Deployment")) {
            for (JsonNode container : deployment.path("spec").path("template").path("spec").path("containers")) {
                for (String hook : List.of("postStart", "preStop")) {
                    if (container.path("lifecycle").path(hook).has("exec")) {
                        found.add(Rendered.name(deployment) + ": " + hook + " runs a program the image does not have");
                    }
                }
                for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                    if (container.path(probe).has("exec")) {
                        found.add(Rendered.name(deployment) + ": " + probe + " runs a program the image does not have");
                    }
                }
            }
        }
        return found;
    }

    /**
     * Nothing but the gateway may reach a service, nothing but the Ingress controller (and the gateway) the gateway:
     * a default-deny for ingress, and every policy that selects one of them lets in only those peers.
     */
    static List<String> unprotected(Rendered r) {
        List<String> found = new ArrayList<>();
        List<JsonNode> policies = r.all("NetworkPolicy");
        boolean defaultDeny = policies.stream().anyMatch(p -> p.path("spec").path("podSelector").isEmpty()
                && policyTypes(p).contains("Ingress") && p.path("spec").path("ingress").isEmpty());
        if (!defaultDeny) {
            found.add("no default-deny ingress NetworkPolicy: a pod no policy selects is open to the cluster");
        }
        JsonNode gatewayLabels = r.find("Deployment", GATEWAY).orElseThrow()
                .path("spec").path("template").path("metadata").path("labels");
        for (JsonNode deployment : r.all("Deployment")) {
            String name = Rendered.name(deployment);
            JsonNode labels = deployment.path("spec").path("template").path("metadata").path("labels");
            List<JsonNode> selecting = policies.stream()
                    .filter(p -> Rendered.selects(p.path("spec").path("podSelector"), labels)).toList();
            if (selecting.stream().noneMatch(p -> policyTypes(p).contains("Egress"))) {
                found.add(name + ": no egress policy (it may reach anything)");
            }
            for (JsonNode policy : selecting) {
                for (JsonNode rule : policy.path("spec").path("ingress")) {
                    if (rule.path("from").isEmpty()) {
                        found.add(name + ": NetworkPolicy " + Rendered.name(policy) + " lets in every peer");
                    }
                    for (JsonNode peer : rule.path("from")) {
                        boolean fromGateway = !peer.has("namespaceSelector") && !peer.has("ipBlock")
                                && Rendered.selects(peer.path("podSelector"), gatewayLabels)
                                && !peer.path("podSelector").isEmpty();
                        boolean fromIngressController = GATEWAY.equals(name) && peer.has("namespaceSelector")
                                && !peer.path("namespaceSelector").isEmpty() && !peer.path("podSelector").isEmpty();
                        if (!fromGateway && !fromIngressController) {
                            found.add(name + ": NetworkPolicy " + Rendered.name(policy) + " lets in " + peer);
                        }
                    }
                }
            }
        }
        return found;
    }

    private static List<String> policyTypes(JsonNode policy) {
        List<String> types = new ArrayList<>();
        policy.path("spec").path("policyTypes").forEach(t -> types.add(t.asString()));
        return types;
    }

    /** The KafkaUsers' ACLs are docs/KAFKA.md's table, i.e. common's KafkaAccess, no more and no less. */
    static List<String> kafkaAcls(Rendered r) {
        Set<String> wanted = new TreeSet<>();
        KafkaAccess.SERVICES.forEach(s -> KafkaAccess.serviceBindings(s).forEach(b -> wanted.add(key(b))));
        KafkaAccess.relayAccountsBindings().forEach(b -> wanted.add(key(b)));
        Set<String> granted = new TreeSet<>();
        for (JsonNode user : r.all("KafkaUser")) {
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                String type = resource.path("type").asString().toUpperCase(Locale.ROOT);
                String name = "CLUSTER".equals(type) ? "kafka-cluster" : resource.path("name").asString();
                String pattern = "prefix".equals(resource.path("patternType").asString()) ? "PREFIXED" : "LITERAL";
                for (JsonNode operation : acl.path("operations")) {
                    granted.add("User:" + Rendered.name(user) + " " + type + " " + name + " " + pattern + " "
                            + operation.asString().toUpperCase(Locale.ROOT));
                }
            }
        }
        List<String> found = new ArrayList<>();
        wanted.stream().filter(w -> !granted.contains(w)).forEach(w -> found.add("missing ACL: " + w));
        granted.stream().filter(g -> !wanted.contains(g)).forEach(g -> found.add("ACL not in KafkaAccess: " + g));
        return found;
    }

    private static String key(AclBinding binding) {
        return binding.entry().principal() + " " + binding.pattern().resourceType() + " " + binding.pattern().name()
                + " " + binding.pattern().patternType() + " " + binding.entry().operation();
    }

    /**
     * Every topic the services name is a KafkaTopic, replicated so that one broker may go, and the relays' feeds,
     * which applications-service creates, get a replication factor the brokers accept.
     */
    static List<String> topics(Rendered r) {
        List<String> found = new ArrayList<>();
        Set<String> declared = new TreeSet<>();
        r.all("KafkaTopic").forEach(t -> declared.add(t.path("spec").path("topicName").asString(Rendered.name(t))));
        Set<String> used = new TreeSet<>();
        for (String topic : List.of(Topics.OFFERS, Topics.SCHOOLS, Topics.APPLICATIONS)) {
            used.add(topic);
            used.add(Topics.deadLetter(topic));
        }
        for (String service : SERVICES) {
            Rendered.applicationProperties(service).forEach((key, value) -> {
                if (key.toString().endsWith(".topic")) {
                    used.add(value.toString());
                }
            });
        }
        used.stream().filter(t -> !declared.contains(t)).forEach(t -> found.add("no KafkaTopic for " + t));
        JsonNode kafka = r.all("Kafka").getFirst();
        int brokers = r.all("KafkaNodePool").stream()
                .filter(pool -> pool.path("spec").path("roles").toString().contains("broker"))
                .mapToInt(pool -> pool.path("spec").path("replicas").asInt()).sum();
        int brokerMinIsr = kafka.path("spec").path("kafka").path("config").path("min.insync.replicas").asInt(1);
        for (JsonNode topic : r.all("KafkaTopic")) {
            int replicas = topic.path("spec").path("replicas").asInt();
            int minIsr = topic.path("spec").path("config").path("min.insync.replicas").asInt(brokerMinIsr);
            if (replicas > brokers || minIsr > replicas || (brokers > 1 && replicas <= minIsr)) {
                found.add(Rendered.name(topic) + ": " + replicas + " replicas, min.insync.replicas " + minIsr + " on "
                        + brokers + " brokers (losing one broker must not stop writes)");
            }
        }
        JsonNode applications = r.find("Deployment", "applications-service").orElseThrow();
        int feedReplicas = Integer.parseInt(r.setting(applications,
                "tremplin.applications.relay-feed.replication-factor").orElse("1"));
        if (feedReplicas > brokers || feedReplicas < brokerMinIsr) {
            found.add("relays' feeds get " + feedReplicas + " replicas on " + brokers + " brokers whose "
                    + "min.insync.replicas is " + brokerMinIsr + ": the outbox relay could not write them");
        }
        return found;
    }

    /** The Deployments whose pods record and export traces (quarkus.otel.sdk.disabled false, as the pod sees it). */
    static Set<String> tracing(Rendered r) {
        Set<String> tracing = new TreeSet<>();
        for (JsonNode deployment : r.all("Deployment")) {
            if ("false".equals(r.setting(deployment, "quarkus.otel.sdk.disabled").orElse("false"))) {
                tracing.add(Rendered.name(deployment));
            }
        }
        return tracing;
    }

    /**
     * A pod that records traces must send them somewhere it may reach: an OTLP endpoint that is not the image's
     * localhost default, an egress policy to its port, a sampling ratio between 0 and 1, a service name.
     */
    static List<String> traceExport(Rendered r) {
        List<String> found = new ArrayList<>();
        for (String name : tracing(r)) {
            JsonNode deployment = r.find("Deployment", name).orElseThrow();
            String endpoint = r.setting(deployment, "quarkus.otel.exporter.otlp.traces.endpoint")
                    .or(() -> r.setting(deployment, "quarkus.otel.exporter.otlp.endpoint")).orElse("");
            URI uri = endpoint.isBlank() ? null : URI.create(endpoint);
            if (uri == null || uri.getHost() == null || uri.getHost().equals("localhost") || uri.getHost().startsWith("127.")) {
                found.add(name + ": traces on, but no OTLP endpoint outside the pod ('" + endpoint + "')");
            } else if (!egressAllows(r, deployment, uri.getPort())) {
                found.add(name + ": no egress policy lets it reach the OTLP endpoint's port " + uri.getPort());
            }
            String ratio = r.setting(deployment, "quarkus.otel.traces.sampler.arg").orElse("1.0");
            double share = Double.parseDouble(ratio);
            if (share <= 0 || share > 1) {
                found.add(name + ": sampling ratio " + ratio + " outside (0, 1]");
            }
            if (!r.environment(deployment).containsKey("QUARKUS_OTEL_SERVICE_NAME")
                    && r.setting(deployment, "quarkus.application.name").isEmpty()) {
                found.add(name + ": its spans name no service");
            }
        }
        return found;
    }

    private static boolean egressAllows(Rendered r, JsonNode deployment, int port) {
        JsonNode labels = deployment.path("spec").path("template").path("metadata").path("labels");
        return r.all("NetworkPolicy").stream()
                .filter(p -> Rendered.selects(p.path("spec").path("podSelector"), labels))
                .flatMap(p -> java.util.stream.StreamSupport.stream(p.path("spec").path("egress").spliterator(), false))
                .anyMatch(rule -> rule.path("ports").isEmpty()
                        || java.util.stream.StreamSupport.stream(rule.path("ports").spliterator(), false)
                        .anyMatch(p -> p.path("port").asInt() == port));
    }

    /**
     * Relays read their feeds from outside the cluster (docs/RELAYS.md): a listener reachable from there, with TLS and
     * SCRAM-SHA-512 like every listener; applications-service tells relays its bootstrap address and SASL_SSL; each
     * broker advertises a name of its own there (a client outside cannot reach the pods' addresses).
     */
    static List<String> relayListener(Rendered r) {
        List<String> found = new ArrayList<>();
        JsonNode kafka = r.all("Kafka").getFirst();
        List<JsonNode> outside = new ArrayList<>();
        for (JsonNode listener : kafka.path("spec").path("kafka").path("listeners")) {
            String name = listener.path("name").asString();
            if (!listener.path("tls").asBoolean(false)) {
                found.add("Kafka listener " + name + ": no TLS");
            }
            if (!"scram-sha-512".equals(listener.path("authentication").path("type").asString())) {
                found.add("Kafka listener " + name + ": authentication is not scram-sha-512");
            }
            if (!Set.of("internal", "cluster-ip").contains(listener.path("type").asString())) {
                outside.add(listener);
            }
        }
        if (outside.isEmpty()) {
            found.add("no Kafka listener outside the cluster: relays cannot read their feeds");
            return found;
        }
        JsonNode applications = r.find("Deployment", "applications-service").orElseThrow();
        String told = r.setting(applications, "tremplin.relays.kafka.bootstrap-servers").orElse("");
        String protocol = r.setting(applications, "tremplin.relays.kafka.security-protocol").orElse("");
        if (!"SASL_SSL".equals(protocol)) {
            found.add("relays are told security.protocol '" + protocol + "', not SASL_SSL");
        }
        boolean matches = outside.stream().anyMatch(listener -> {
            JsonNode bootstrap = listener.path("configuration").path("bootstrap");
            Set<String> hosts = new TreeSet<>();
            bootstrap.path("alternativeNames").forEach(host -> hosts.add(host.asString()));
            if (bootstrap.has("host")) {
                hosts.add(bootstrap.path("host").asString());
            }
            return hosts.stream().anyMatch(host -> told.equals(host + ":" + listener.path("port").asInt()));
        });
        if (!matches) {
            found.add("relays are told bootstrap servers '" + told + "', which no outside listener's bootstrap names");
        }
        int brokers = r.all("KafkaNodePool").stream()
                .filter(pool -> pool.path("spec").path("roles").toString().contains("broker"))
                .mapToInt(pool -> pool.path("spec").path("replicas").asInt()).sum();
        for (JsonNode listener : outside) {
            Set<Integer> advertised = new TreeSet<>();
            listener.path("configuration").path("brokers").forEach(broker -> {
                if (broker.has("advertisedHost") || broker.has("host")) {
                    advertised.add(broker.path("broker").asInt());
                }
            });
            boolean templated = listener.path("configuration").has("advertisedHostTemplate")
                    || listener.path("configuration").has("hostTemplate");
            if (!templated && advertised.size() < brokers) {
                found.add("Kafka listener " + listener.path("name").asString() + ": " + advertised.size()
                        + " brokers of " + brokers + " advertise a host name outside the cluster");
            }
        }
        return found;
    }

    /** Secrets named by the Deployments, for the README's list (none is rendered: they come from outside). */
    static Set<String> secretsNamed(Rendered r) {
        Set<String> names = new TreeSet<>();
        for (JsonNode deployment : r.all("Deployment")) {
            JsonNode spec = deployment.path("spec").path("template").path("spec");
            spec.path("volumes").forEach(v -> {
                if (v.has("secret")) {
                    names.add(v.path("secret").path("secretName").asString());
                }
            });
            spec.path("containers").forEach(c -> c.path("env").forEach(e -> {
                JsonNode ref = e.path("valueFrom").path("secretKeyRef");
                if (!ref.isMissingNode()) {
                    names.add(ref.path("name").asString());
                }
            }));
        }
        return names;
    }
}
