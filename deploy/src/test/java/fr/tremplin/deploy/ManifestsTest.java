package fr.tremplin.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each overlay, rendered by kustomize, is valid against the Kubernetes and the operators' schemas and free of issue
 * 15's findings; and each check does find its finding on the manifests as they were before (deploy/k8s of issue 14).
 */
class ManifestsTest {

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyObjectMatchesItsSchema(String overlay) {
        List<JsonNode> objects = Kustomize.render(overlay);
        assertThat(objects).hasSizeGreaterThan(30);
        assertThat(Schemas.violations(objects)).isEmpty();
    }

    /** Strict like the API server: a misspelt field, a value out of an operator's enum or a wrong type is refused. */
    @Test
    void theSchemasRefuseWhatTheClusterWould() {
        List<JsonNode> wrong = Kustomize.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: misspelt}
                spec:
                  replica: 2
                  selector: {matchLabels: {a: b}}
                  template: {metadata: {labels: {a: b}}, spec: {containers: [{name: c, image: i}]}}
                ---
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: t}
                spec: {partitions: "twelve", replicas: 3}
                ---
                apiVersion: postgresql.cnpg.io/v1
                kind: Pooler
                metadata: {name: p}
                spec: {cluster: {name: c}, pgbouncer: {poolMode: statement}}
                ---
                apiVersion: example.org/v1
                kind: Unknown
                metadata: {name: u}
                """);
        assertThat(Schemas.violations(wrong))
                .anyMatch(v -> v.startsWith("Deployment misspelt") && v.contains("replica"))
                .anyMatch(v -> v.startsWith("KafkaTopic t") && v.contains("partitions"))
                .anyMatch(v -> v.startsWith("Pooler p") && v.contains("poolMode"))
                .anyMatch(v -> v.startsWith("Unknown u") && v.contains("no schema"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void noFindingOfIssue15(String overlay) {
        Rendered r = new Rendered(Kustomize.render(overlay));
        assertThat(Findings.proxyForwarding(r)).as("proxy forwarding").isEmpty();
        assertThat(Findings.readinessTiedToKafka(r)).as("readiness").isEmpty();
        assertThat(Findings.poolsOverPooler(r)).as("pools").isEmpty();
        assertThat(Findings.autoscaledWithReplicas(r)).as("HPA replicas").isEmpty();
        assertThat(Findings.unprotected(r)).as("network policies").isEmpty();
        assertThat(Findings.kafkaAcls(r)).as("Kafka ACLs").isEmpty();
        assertThat(Findings.topics(r)).as("topics").isEmpty();
        assertThat(Findings.programsTheImageLacks(r)).as("hooks and probes the image can run").isEmpty();
    }

    /** The hook the manifests had until the images' base lost its shell is found. */
    @Test
    void aHookThatRunsAProgramIsFound() {
        List<JsonNode> objects = new java.util.ArrayList<>();
        for (JsonNode object : new Rendered(Kustomize.render("local")).objects()) {
            JsonNode copy = object.deepCopy();
            if (copy.path("kind").asString().equals("Deployment")) {
                ((tools.jackson.databind.node.ObjectNode) copy.path("spec").path("template").path("spec")
                        .path("containers").path(0).path("lifecycle").path("preStop")).putObject("exec")
                        .putArray("command").add("sleep").add("5");
            }
            objects.add(copy);
        }
        assertThat(Findings.programsTheImageLacks(new Rendered(objects)))
                .anyMatch(f -> f.equals("gateway: preStop runs a program the image does not have"));
    }

    @Test
    void productionRunsThreeOfEverything() {
        Rendered r = new Rendered(Kustomize.render("production"));
        assertThat(r.find("KafkaNodePool", "broker").orElseThrow().path("spec").path("replicas").asInt()).isEqualTo(3);
        assertThat(r.find("Cluster", "tremplin-pg").orElseThrow().path("spec").path("instances").asInt()).isEqualTo(3);
        assertThat(r.all("KafkaTopic")).allSatisfy(topic -> {
            assertThat(topic.path("spec").path("replicas").asInt()).isEqualTo(3);
            assertThat(topic.path("spec").path("config").path("min.insync.replicas").asInt()).isEqualTo(2);
        });
        assertThat(r.find("Cluster", "tremplin-pg").orElseThrow().path("spec").path("backup")
                .path("barmanObjectStore").isMissingNode()).isFalse();
        assertThat(r.all("ScheduledBackup")).hasSize(1);
        assertThat(r.all("Deployment")).allSatisfy(d -> assertThat(d.path("spec").path("template").path("spec")
                .path("containers").path(0).path("image").asString()).startsWith("registry.tremplin.example/"));
    }

    /** Production exports every pod's traces to its collector; a local cluster, which has none, records none. */
    @Test
    void productionSendsTracesAndLocalDoesNot() {
        Rendered production = new Rendered(Kustomize.render("production"));
        assertThat(Findings.tracing(production)).as("Deployments exporting traces in production")
                .containsExactlyInAnyOrder("gateway", "offers-service", "schools-service", "applications-service");
        assertThat(Findings.traceExport(production)).isEmpty();
        JsonNode gateway = production.find("Deployment", "gateway").orElseThrow();
        assertThat(Double.parseDouble(production.setting(gateway, "quarkus.otel.traces.sampler.arg").orElseThrow()))
                .as("production keeps a share of new traces").isLessThan(1.0);
        assertThat(Rendered.applicationProperties("gateway").getProperty("quarkus.otel.traces.sampler"))
                .as("a ratio the image obeys (the sampler is fixed at build time)").isEqualTo("parentbased_traceidratio");

        Rendered local = new Rendered(Kustomize.render("local"));
        assertThat(Findings.tracing(local)).as("Deployments exporting traces locally").isEmpty();

        // the check finds a pod that records traces it cannot send
        List<JsonNode> withoutEgress = production.objects().stream()
                .filter(o -> !Rendered.name(o).equals("otlp-collector-egress")).toList();
        assertThat(Findings.traceExport(new Rendered(withoutEgress)))
                .anyMatch(f -> f.startsWith("gateway: no egress policy") && f.contains("4317"));
    }

    /**
     * Relays consume their feeds from outside the cluster in production, over TLS with SCRAM-SHA-512, at the address
     * applications-service gives them; a local cluster has no such listener (a relay there uses a port-forward).
     */
    @Test
    void productionHasAListenerForRelaysOutsideTheCluster() {
        Rendered production = new Rendered(Kustomize.render("production"));
        assertThat(Findings.relayListener(production)).isEmpty();
        assertThat(Findings.relayListener(new Rendered(Kustomize.render("local"))))
                .containsExactly("no Kafka listener outside the cluster: relays cannot read their feeds");

        // and the check finds a listener without TLS, a broker without an outside name, a wrong address for relays
        List<JsonNode> broken = new java.util.ArrayList<>();
        for (JsonNode object : production.objects()) {
            JsonNode copy = object.deepCopy();
            if ("Kafka".equals(copy.path("kind").asString())) {
                for (JsonNode listener : copy.path("spec").path("kafka").path("listeners")) {
                    if ("external".equals(listener.path("name").asString())) {
                        ((tools.jackson.databind.node.ObjectNode) listener).put("tls", false);
                        ((tools.jackson.databind.node.ArrayNode) listener.path("configuration").path("brokers")).remove(2);
                    }
                }
            }
            if ("applications-service".equals(Rendered.name(copy)) && "Deployment".equals(copy.path("kind").asString())) {
                for (JsonNode variable : copy.path("spec").path("template").path("spec").path("containers").path(0).path("env")) {
                    if ("KAFKA_RELAY_BOOTSTRAP_SERVERS".equals(variable.path("name").asString())) {
                        ((tools.jackson.databind.node.ObjectNode) variable).put("value", "tremplin-kafka-bootstrap:9093");
                    }
                }
            }
            broken.add(copy);
        }
        assertThat(Findings.relayListener(new Rendered(broken)))
                .anyMatch(f -> f.equals("Kafka listener external: no TLS"))
                .anyMatch(f -> f.contains("2 brokers of 3 advertise"))
                .anyMatch(f -> f.contains("'tremplin-kafka-bootstrap:9093'"));
    }

    /** Every Secret a pod reads is made by an operator or listed in deploy/examples/secrets.example.yaml. */
    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everySecretIsAccountedFor(String overlay) throws IOException {
        Rendered r = new Rendered(Kustomize.render(overlay));
        Set<String> fromOperators = new TreeSet<>(Set.of("tremplin-pg-ca", "tremplin-cluster-ca-cert"));
        r.all("KafkaUser").forEach(user -> fromOperators.add(Rendered.name(user)));
        String examples = Files.readString(Kustomize.root().resolve("deploy/examples/secrets.example.yaml"));
        Set<String> documented = new TreeSet<>();
        Kustomize.parse(examples).forEach(secret -> documented.add(Rendered.name(secret)));
        assertThat(Findings.secretsNamed(r)).allSatisfy(name ->
                assertThat(fromOperators.contains(name) || documented.contains(name)).as(name).isTrue());
    }

    /** The checks see what issue 15 saw: the objects of deploy/k8s before this change, in brief. */
    @Test
    void theChecksFindTheIssuesFindings() {
        Rendered fixed = new Rendered(Kustomize.render("production"));
        List<JsonNode> before = new java.util.ArrayList<>();
        for (JsonNode object : fixed.objects()) {
            JsonNode copy = object.deepCopy();
            String kind = copy.path("kind").asString();
            if (kind.equals("NetworkPolicy")) {
                continue; // none then
            }
            if (kind.equals("Deployment")) {
                var spec = (tools.jackson.databind.node.ObjectNode) copy.path("spec");
                spec.put("replicas", 2);
                var container = (tools.jackson.databind.node.ObjectNode) spec.path("template").path("spec")
                        .path("containers").path(0);
                var env = (tools.jackson.databind.node.ArrayNode) container.path("env");
                for (int i = env.size() - 1; i >= 0; i--) {
                    String name = env.get(i).path("name").asString();
                    if (name.startsWith("QUARKUS_HTTP_PROXY") || name.equals("TREMPLIN_NOTIFICATIONS_JDBC_URL")) {
                        env.remove(i);
                    }
                }
            }
            if (kind.equals("ConfigMap")) {
                ((tools.jackson.databind.node.ObjectNode) copy.path("data"))
                        .remove("MP_MESSAGING_CONNECTOR_SMALLRYE_KAFKA_HEALTH_READINESS_ENABLED");
            }
            before.add(copy);
        }
        Rendered r = new Rendered(before);
        assertThat(Findings.proxyForwarding(r)).anyMatch(f -> f.contains("proxy-address-forwarding"));
        assertThat(Findings.autoscaledWithReplicas(r)).anyMatch(f -> f.startsWith("gateway:"))
                .anyMatch(f -> f.startsWith("offers-service:"));
        assertThat(Findings.unprotected(r)).anyMatch(f -> f.contains("no default-deny"));
        assertThat(Findings.poolsOverPooler(r)).anyMatch(f -> f.contains("LISTEN"));
        // readiness: true as long as the services' own application.properties leave Kafka in readiness
        List<String> readiness = Findings.readinessTiedToKafka(r);
        if (!readiness.isEmpty()) {
            assertThat(readiness).anyMatch(f -> f.contains("part of readiness"));
        }
    }
}
