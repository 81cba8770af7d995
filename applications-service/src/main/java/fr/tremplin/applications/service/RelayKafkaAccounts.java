package fr.tremplin.applications.service;

import fr.tremplin.applications.api.RelayKafkaCredentials;
import fr.tremplin.common.events.Topics;
import fr.tremplin.common.kafka.KafkaAccess;
import fr.tremplin.common.problem.ProblemException;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.ResourceNotFoundException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Relays' Kafka accounts on the broker (docs/KAFKA.md): a SCRAM user {@code relay-<id>} and exactly the ACLs of
 * {@link KafkaAccess#relayBindings}. Works as the dedicated principal {@code relay-accounts} (ALTER on the cluster,
 * nothing else), never as the service's own, which has no right over users or ACLs. Topic creation is not here.
 * <p>
 * Every step is idempotent, so a failed call is simply made again: the broker unreachable is a 503 problem, and a
 * half-applied issue (user set, ACLs not yet) leaves an account that can read nothing and whose password nobody got.
 */
@ApplicationScoped
public class RelayKafkaAccounts {

    private static final Logger LOG = Logger.getLogger(RelayKafkaAccounts.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Object> adminConfig;
    private final String relayBootstrapServers;
    private final String relaySecurityProtocol;
    private volatile Admin admin;

    public RelayKafkaAccounts(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                              @ConfigProperty(name = "tremplin.relays.kafka.username", defaultValue = KafkaAccess.RELAY_ACCOUNTS)
                              String username,
                              @ConfigProperty(name = "tremplin.relays.kafka.password") String password,
                              @ConfigProperty(name = "tremplin.relays.kafka.bootstrap-servers") Optional<String> relayBootstrapServers,
                              @ConfigProperty(name = "tremplin.relays.kafka.security-protocol") Optional<String> relaySecurityProtocol) {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.put(SaslConfigs.SASL_JAAS_CONFIG, KafkaAccess.scramJaas(username, password));
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "applications-service-relay-accounts");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis() / 2);
        this.adminConfig = config;
        this.relayBootstrapServers = relayBootstrapServers.orElse(String.valueOf(kafkaConfig.get("bootstrap.servers")));
        this.relaySecurityProtocol = relaySecurityProtocol.orElse(String.valueOf(
                kafkaConfig.getOrDefault(AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT")));
    }

    /** Creates the relay's account or gives it a new password (the old one stops working), and sets its ACLs. */
    public RelayKafkaCredentials issue(String relayId) {
        String principal = KafkaAccess.relayPrincipal(relayId);
        String password = newPassword();
        call("set the relay's Kafka credentials", () -> {
            admin().alterUserScramCredentials(List.of(KafkaAccess.credential(principal, password))).all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            admin().createAcls(KafkaAccess.relayBindings(relayId)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        });
        return new RelayKafkaCredentials(principal, password, KafkaAccess.MECHANISM, relaySecurityProtocol,
                relayBootstrapServers, Topics.relayFeed(relayId), KafkaAccess.relayGroupPrefix(relayId));
    }

    /** Removes the relay's ACLs, then its user; a relay that never had an account is no error. */
    public void remove(String relayId) {
        String principal = KafkaAccess.relayPrincipal(relayId);
        call("remove the relay's Kafka account", () -> {
            admin().deleteAcls(List.of(KafkaAccess.everythingOf(principal))).all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            try {
                admin().alterUserScramCredentials(List.of(new UserScramCredentialDeletion(principal,
                        ScramMechanism.SCRAM_SHA_512))).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof ResourceNotFoundException)) {
                    throw e;
                }
            }
            return null;
        });
    }

    private interface BrokerCall {
        Void run() throws Exception;
    }

    private void call(String what, BrokerCall brokerCall) {
        try {
            brokerCall.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(what);
        } catch (Exception e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            LOG.warnf("could not %s: %s", what, cause.getClass().getSimpleName() + ": " + cause.getMessage());
            throw unavailable(what);
        }
    }

    private static ProblemException unavailable(String what) {
        return new ProblemException(503, "Kafka unavailable", "Could not " + what
                + ": the message broker did not answer. Nothing was changed; try again later.", null);
    }

    private static String newPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private Admin admin() {
        Admin current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(adminConfig);
                }
                current = admin;
            }
        }
        return current;
    }

    void onStop(@Observes ShutdownEvent event) {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
