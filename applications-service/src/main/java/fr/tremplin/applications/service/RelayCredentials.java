package fr.tremplin.applications.service;

import fr.tremplin.applications.api.RelayKafkaCredentials;
import fr.tremplin.applications.domain.Relay;
import fr.tremplin.common.audit.AuditTrail;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Issuing a registered relay's Kafka credentials (admin): created on the first call, rotated on each next one. The
 * audit line says who did it, never the password; if the broker does not answer, the 503 rolls back the audit line too.
 */
@ApplicationScoped
public class RelayCredentials {

    private final RelayKafkaAccounts accounts;
    private final AuditTrail audit;

    public RelayCredentials(RelayKafkaAccounts accounts, AuditTrail audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @Transactional
    public RelayKafkaCredentials issueKafkaCredentials(Caller caller, String relayId) {
        if (Relay.findById(relayId) == null) {
            throw ProblemException.notFound("no relay " + relayId);
        }
        audit.record(caller, "relay.kafka-credentials-issued", "relay", relayId, null);
        return accounts.issue(relayId);
    }
}
