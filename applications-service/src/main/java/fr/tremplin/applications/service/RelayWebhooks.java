package fr.tremplin.applications.service;

import fr.tremplin.applications.api.DeliveryView;
import fr.tremplin.applications.api.WebhookRequest;
import fr.tremplin.applications.api.WebhookView;
import fr.tremplin.applications.config.WebhookConfig;
import fr.tremplin.applications.domain.Relay;
import fr.tremplin.applications.domain.WebhookSignature;
import fr.tremplin.applications.domain.WebhookUrl;
import fr.tremplin.applications.repository.WebhookDeliveries;
import fr.tremplin.common.audit.AuditTrail;
import fr.tremplin.common.problem.ProblemException;
import fr.tremplin.common.security.Caller;
import fr.tremplin.common.security.Roles;
import fr.tremplin.common.web.Page;
import fr.tremplin.common.web.PageParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * A relay's webhook (registered, rotated, read, removed by the relay itself or an admin) and its deliveries: the list
 * and the redelivery of a parked one. The secret is generated here, shown once (in the answer that created or rotated
 * it) and never logged; the audit trail records who did what, never the URL nor the secret.
 */
@ApplicationScoped
public class RelayWebhooks {

    public record Saved(WebhookView webhook, boolean created) {
    }

    private final WebhookDeliveries deliveries;
    private final WebhookConfig config;
    private final AuditTrail audit;
    private final Clock clock;

    public RelayWebhooks(WebhookDeliveries deliveries, WebhookConfig config, AuditTrail audit, Clock clock) {
        this.deliveries = deliveries;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    /** Registers the callback (with a new secret) or changes its URL (the secret stays, and is not shown). */
    @Transactional
    public Saved register(Caller caller, String relayId, WebhookRequest request) {
        requireRelayOrAdmin(caller, relayId);
        requireRelay(relayId);
        String url = request.url().strip();
        WebhookUrl.problem(url, config.allowHttpLoopback()).ifPresent(problem -> {
            throw ProblemException.invalid("url", problem);
        });
        Instant now = clock.instant();
        var existing = deliveries.webhook(relayId);
        if (existing.isPresent()) {
            var webhook = existing.get();
            deliveries.save(new WebhookDeliveries.Webhook(relayId, url, webhook.secret(), webhook.createdAt(), now));
            audit.record(caller, "relay.webhook.updated", "relay", relayId, null);
            return new Saved(new WebhookView(relayId, url, null, webhook.createdAt(), now), false);
        }
        String secret = WebhookSignature.newSecret();
        deliveries.save(new WebhookDeliveries.Webhook(relayId, url, secret, now, now));
        audit.record(caller, "relay.webhook.created", "relay", relayId, null);
        return new Saved(new WebhookView(relayId, url, secret, now, now), true);
    }

    /** A new secret, effective for every delivery sent from now on; the old one stops signing at once. */
    @Transactional
    public WebhookView rotate(Caller caller, String relayId) {
        requireRelayOrAdmin(caller, relayId);
        var webhook = existing(relayId);
        Instant now = clock.instant();
        String secret = WebhookSignature.newSecret();
        deliveries.save(new WebhookDeliveries.Webhook(relayId, webhook.url(), secret, webhook.createdAt(), now));
        audit.record(caller, "relay.webhook.secret-rotated", "relay", relayId, null);
        return new WebhookView(relayId, webhook.url(), secret, webhook.createdAt(), now);
    }

    @Transactional
    public WebhookView get(Caller caller, String relayId) {
        requireRelayOrAdmin(caller, relayId);
        var webhook = existing(relayId);
        return new WebhookView(relayId, webhook.url(), null, webhook.createdAt(), webhook.updatedAt());
    }

    /** No more deliveries are queued; those queued stay (listed) and are sent if a webhook is registered again. */
    @Transactional
    public void remove(Caller caller, String relayId) {
        requireRelayOrAdmin(caller, relayId);
        if (!deliveries.deleteWebhook(relayId)) {
            throw ProblemException.notFound("relay " + relayId + " has no webhook");
        }
        audit.record(caller, "relay.webhook.removed", "relay", relayId, null);
    }

    @Transactional
    public Page<DeliveryView> deliveries(Caller caller, String relayId, String state, PageParams page) {
        requireRelayOrAdmin(caller, relayId);
        requireRelay(relayId);
        return deliveries.list(relayId, state, page);
    }

    /** A parked delivery is tried again now, with a new retry window; 409 when it is not parked. */
    @Transactional
    public DeliveryView redeliver(Caller caller, String relayId, UUID deliveryId) {
        requireRelayOrAdmin(caller, relayId);
        DeliveryView delivery = deliveries.lock(relayId, deliveryId)
                .orElseThrow(() -> ProblemException.notFound("no delivery " + deliveryId + " for relay " + relayId));
        if (!"PARKED".equals(delivery.state())) {
            throw ProblemException.conflict("only a PARKED delivery can be redelivered; this one is "
                    + delivery.state());
        }
        deliveries.redeliver(deliveryId, clock.instant());
        audit.record(caller, "relay.webhook.redelivered", "webhook-delivery", deliveryId.toString(), null);
        return deliveries.lock(relayId, deliveryId).orElseThrow();
    }

    private WebhookDeliveries.Webhook existing(String relayId) {
        return deliveries.webhook(relayId)
                .orElseThrow(() -> ProblemException.notFound("relay " + relayId + " has no webhook"));
    }

    private static void requireRelay(String relayId) {
        if (Relay.findById(relayId) == null) {
            throw ProblemException.notFound("no relay " + relayId);
        }
    }

    private static void requireRelayOrAdmin(Caller caller, String relayId) {
        if (!caller.is(Roles.ADMIN)
                && !(caller.is(Roles.RELAY) && caller.relay().map(relayId::equals).orElse(false))) {
            throw ProblemException.forbidden("this is another relay's webhook");
        }
    }
}
