import java.util.HashMap;
import java.util.Map;

/**
 * The benchmarks' own Kafka clients (seeders, observers, event streams) connect to the secured broker of
 * {@code bin/infra up} (docs/KAFKA.md) as its admin: they create per-run topics and play other services, which no
 * service principal may. The run.sh reads the admin's password from .platform/kafka/credentials/admin and passes it
 * in {@code BENCH_KAFKA_PASSWORD}; no password is ever written into a file of the repository.
 */
final class BenchKafka {
    private BenchKafka() {
    }

    /** {@code settings} (key, value, key, value...) for {@code bootstrap}, with the admin's SASL login added. */
    static Map<String, Object> config(String bootstrap, Object... settings) {
        String password = System.getenv("BENCH_KAFKA_PASSWORD");
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("BENCH_KAFKA_PASSWORD is not set (the broker admin's password; run.sh reads it"
                    + " from .platform/kafka/credentials/admin)");
        }
        String username = System.getenv().getOrDefault("BENCH_KAFKA_USERNAME", "admin");
        return login(bootstrap, System.getenv().getOrDefault("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT"),
                System.getenv().getOrDefault("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512"), username, password, settings);
    }

    /**
     * {@code settings} for a client logging in as another principal (a relay, with the credentials the service gave
     * it), with the protocol and mechanism it was told to use.
     */
    static Map<String, Object> login(String bootstrap, String protocol, String mechanism, String username,
                                     String password, Object... settings) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrap);
        config.put("security.protocol", protocol);
        config.put("sasl.mechanism", mechanism);
        config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + username + "\" password=\"" + password + "\";");
        for (int i = 0; i + 1 < settings.length; i += 2) {
            config.put((String) settings[i], settings[i + 1]);
        }
        return config;
    }
}
