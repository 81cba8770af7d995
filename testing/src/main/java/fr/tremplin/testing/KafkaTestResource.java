package fr.tremplin.testing;

import fr.tremplin.common.kafka.KafkaAccess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

/**
 * A real Kafka broker (KRaft, Kafka's own test kit) started once per JVM with the platform's security (docs/KAFKA.md):
 * SASL SCRAM-SHA-512 on its client listener, the standard authorizer, the ACL table of {@link KafkaAccess}, fresh random
 * passwords for every principal. The service under test connects as its own principal, named by the resource's
 * {@code principal} argument, so that its tests fail if the table misses a right it needs. Tests that play another
 * service or a relay use {@link #adminConfig()} (the super user) or {@link #clientConfig(String, String)}.
 * <p>
 * With {@code KAFKA_BOOTSTRAP_SERVERS} set, the broker named there is used instead (bin/infra's), with the passwords of
 * the folder {@code TREMPLIN_KAFKA_CREDENTIALS} names (bin/infra's {@code .platform/kafka/credentials}).
 * <p>
 * The broker itself is {@link KafkaTestBroker}, reached in the JVM's system class loader (see there why).
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private String principal;

    @Override
    public void init(Map<String, String> initArgs) {
        principal = initArgs.get("principal");
    }

    @Override
    public Map<String, String> start() {
        if (principal == null || !KafkaAccess.platformPrincipals().contains(principal)) {
            throw new IllegalArgumentException("KafkaTestResource needs initArgs principal = one of "
                    + KafkaAccess.platformPrincipals() + ", got " + principal);
        }
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", bootstrapServers());
        config.put("kafka.security.protocol", "SASL_PLAINTEXT");
        config.put("kafka.sasl.mechanism", KafkaAccess.MECHANISM);
        config.put("kafka.sasl.jaas.config", KafkaAccess.scramJaas(principal, password(principal)));
        config.put("tremplin.relays.kafka.password", password(KafkaAccess.RELAY_ACCOUNTS));
        return config;
    }

    @Override
    public void stop() {
        // Kept for the next Quarkus application of this JVM; the JVM's end takes it down.
    }

    public static String bootstrapServers() {
        return (String) broker("ensureStarted");
    }

    /** The super user's client settings: for tests that play another service, feed a topic or read any of them. */
    public static Map<String, Object> adminConfig() {
        return clientConfig(KafkaAccess.ADMIN, password(KafkaAccess.ADMIN));
    }

    /** A principal's client settings with the given password (a wrong one, to prove it is refused). */
    public static Map<String, Object> clientConfig(String principal, String password) {
        return KafkaAccess.clientConfig(bootstrapServers(), principal, password);
    }

    /** The password this broker holds for a platform principal (a service's, the relay accounts'). */
    @SuppressWarnings("unchecked")
    public static String password(String principal) {
        bootstrapServers();
        return ((Map<String, String>) broker("passwords")).get(principal);
    }

    /** Takes the embedded broker down, to prove that an outage loses nothing. */
    public static void stopBroker() {
        broker("stop");
    }

    public static void startBroker() {
        broker("start");
    }

    private static Object broker(String method) {
        try {
            Class<?> type = Class.forName(KafkaTestBroker.class.getName(), true, ClassLoader.getSystemClassLoader());
            Method call = type.getMethod(method);
            return call.invoke(null);
        } catch (ClassNotFoundException e) {
            return local(method);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot reach the test broker", e);
        }
    }

    /** Where the system class loader does not see this module (not the case under surefire): this loader's own. */
    private static Object local(String method) {
        return switch (method) {
            case "ensureStarted" -> KafkaTestBroker.ensureStarted();
            case "passwords" -> KafkaTestBroker.passwords();
            case "stop" -> {
                KafkaTestBroker.stop();
                yield null;
            }
            case "start" -> {
                KafkaTestBroker.start();
                yield null;
            }
            default -> throw new IllegalArgumentException(method);
        };
    }
}
