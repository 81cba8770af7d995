package fr.tremplin.client.platform;

import fr.tremplin.common.kafka.KafkaAccess;
import fr.tremplin.testing.JwtKeysTestResource;
import fr.tremplin.testing.KafkaTestResource;
import fr.tremplin.testing.PostgresTestResource;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The real platform for the tests of this module ({@code @ExtendWith(RunningPlatform.class)}), started once per test
 * JVM and stopped at its end: the in-JVM Kafka broker (tremplin-testing's {@link KafkaTestResource}), one test
 * database per service ({@link PostgresTestResource}, named {@code <service>_flow} plus
 * {@code TREMPLIN_TEST_DB_SUFFIX}, cleaned by Flyway at each start), a key pair the services verify with and
 * {@code TestTokens} signs with, then the three services and the gateway from their built jars as child processes on
 * free ports, each logging to {@code target/platform-logs/<name>.log}. Traces are on, as in production, every process
 * exporting its spans over OTLP/HTTP to an {@link OtlpReceiver} in the test JVM ({@link #traces()}).
 */
public final class RunningPlatform implements BeforeAllCallback {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(
            Long.getLong("tremplin.platform.start-timeout", 180));
    // small heaps and the C1 compiler alone: four JVMs start side by side on two cores; the URI option is not
    // tuning but behaviour (RequestTarget answers a malformed target with our problem), as in bin/platform
    private static final List<String> JAVA_OPTIONS = List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Dvertx.disableURIValidation=true");

    private static Started started;

    /** What a test reaches: the gateway's address, the spans the processes exported, their logs. */
    public record Started(String gatewayUrl, List<ChildProcess> processes, OtlpReceiver traces)
            implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            // the gateway first, so that no request reaches a service that is stopping
            for (int i = processes.size() - 1; i >= 0; i--) {
                processes.get(i).stop();
            }
            traces.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (RunningPlatform.class) {
            if (started == null) {
                started = start();
                // closed when the whole run ends, after the last test class
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(RunningPlatform.class, started);
            }
        }
    }

    public static String gatewayUrl() {
        return started().gatewayUrl();
    }

    /** Every span the platform's processes exported so far. */
    public static OtlpReceiver traces() {
        return started().traces();
    }

    /** The log of one process ({@code gateway}, {@code offers-service}...), its lines as written so far. */
    public static List<String> log(String process) throws IOException {
        return started().processes().stream().filter(child -> child.name.equals(process)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no process " + process)).lines();
    }

    private static Started started() {
        if (started == null) {
            throw new IllegalStateException("the platform is not started: annotate the test @ExtendWith(RunningPlatform.class)");
        }
        return started;
    }

    private static Started start() throws Exception {
        Path root = Path.of(System.getProperty("tremplin.root", "..")).toAbsolutePath().normalize();
        Path logs = Path.of("target", "platform-logs").toAbsolutePath();

        Map<String, String> keys = new JwtKeysTestResource().start();
        // TestTokens signs through smallrye-jwt, which reads these from the configuration (system properties)
        keys.forEach(System::setProperty);
        String kafka = KafkaTestResource.bootstrapServers();

        Map<String, String> common = new HashMap<>();
        common.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        common.put("TREMPLIN_DATA_DIR", root.resolve("data").toString());
        common.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.get("mp.jwt.verify.publickey.location"));
        common.put("MP_JWT_VERIFY_ISSUER", keys.get("mp.jwt.verify.issuer"));
        common.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        OtlpReceiver traces = new OtlpReceiver();
        common.putAll(tracesTo(traces));

        List<ChildProcess> processes = new ArrayList<>();
        Map<String, String> gatewayEnv = new HashMap<>(common);
        try {
            for (String service : List.of("offers", "schools", "applications")) {
                ChildProcess process = new ChildProcess(service + "-service", freePort(),
                        logs.resolve(service + "-service.log"));
                Map<String, String> env = new HashMap<>(common);
                env.putAll(asEnvironment(database(service + "_flow")));
                env.put("QUARKUS_HTTP_PORT", String.valueOf(process.port));
                // each service connects as its own principal of the secured broker (docs/KAFKA.md), as bin/platform does
                env.put("KAFKA_PASSWORD", KafkaTestResource.password(process.name));
                env.put("KAFKA_RELAY_ACCOUNTS_PASSWORD", KafkaTestResource.password(KafkaAccess.RELAY_ACCOUNTS));
                process.start(root.resolve(process.name), JAVA_OPTIONS, env);
                processes.add(process);
                gatewayEnv.put("TREMPLIN_GATEWAY_" + service.toUpperCase(Locale.ROOT) + "_URL", process.url());
            }
            ChildProcess gateway = new ChildProcess("gateway", freePort(), logs.resolve("gateway.log"));
            gatewayEnv.put("QUARKUS_HTTP_PORT", String.valueOf(gateway.port));
            gateway.start(root.resolve("gateway"), JAVA_OPTIONS, gatewayEnv);
            processes.add(gateway);

            Instant deadline = Instant.now().plus(START_TIMEOUT);
            for (ChildProcess process : processes) {
                process.awaitReady(deadline);
            }
        } catch (Exception | Error e) {
            new Started(null, processes, traces).close();
            throw e;
        }
        Started platform = new Started(processes.get(processes.size() - 1).url(), List.copyOf(processes), traces);
        // a run stopped half-way (Ctrl-C) takes its children down too
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
        return platform;
    }

    /**
     * Traces on (docs/ARCHITECTURE.md, "Traces"), sent to the receiver over OTLP/HTTP (protobuf), in batches every
     * 100 ms rather than Quarkus' 5 s so that a test sees a request's spans soon after it.
     */
    private static Map<String, String> tracesTo(OtlpReceiver receiver) {
        return Map.of(
                "QUARKUS_OTEL_SDK_DISABLED", "false",
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf",
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", receiver.endpoint(),
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "100ms");
    }

    /** The service's test database, created like a @QuarkusTest's; its settings as Quarkus properties. */
    private static Map<String, String> database(String name) {
        PostgresTestResource database = new PostgresTestResource();
        database.init(Map.of("database", name));
        return database.start();
    }

    /** quarkus.datasource.jdbc.url -> QUARKUS_DATASOURCE_JDBC_URL (MicroProfile Config's environment mapping). */
    static Map<String, String> asEnvironment(Map<String, String> properties) {
        Map<String, String> env = new HashMap<>();
        properties.forEach((key, value) -> env.put(key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT), value));
        return env;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
