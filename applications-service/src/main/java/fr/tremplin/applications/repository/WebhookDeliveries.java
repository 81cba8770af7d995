package fr.tremplin.applications.repository;

import fr.tremplin.common.persistence.SqlValues;
import fr.tremplin.applications.api.DeliveryView;
import fr.tremplin.applications.config.WebhookConfig;
import fr.tremplin.common.web.Page;
import fr.tremplin.common.web.PageParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The relays' webhooks and their deliveries ({@code relay_webhook}, {@code webhook_delivery}). */
@ApplicationScoped
public class WebhookDeliveries {

    /** A delivery leased to this instance, with what it takes to send it. */
    public record Due(UUID id, String relayId, String body, String url, String secret, int attempts,
                      Instant retryFrom) {
    }

    /** A relay's webhook as stored. */
    public record Webhook(String relayId, String url, String secret, Instant createdAt, Instant updatedAt) {
    }

    private static final String VIEW_COLUMNS = "id, application_id, type, state, attempts, next_attempt_at, "
            + "last_status, last_error, created_at, delivered_at, parked_at";

    private final EntityManager em;
    private final LeasedQueue queue;

    public WebhookDeliveries(EntityManager em) {
        this.em = em;
        this.queue = new LeasedQueue(em, "webhook_delivery", "c.state = 'PENDING'", "c.seq", "state = 'PENDING'");
    }

    // ------------------------------------------------------------------ webhooks

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Webhook> webhook(String relayId) {
        List<?> rows = em.createNativeQuery("SELECT relay_id, url, secret, created_at, updated_at FROM relay_webhook "
                + "WHERE relay_id = ?1").setParameter(1, relayId).getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] r = (Object[]) row;
            return new Webhook((String) r[0], (String) r[1], (String) r[2], SqlValues.instant(r[3]), SqlValues.instant(r[4]));
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void save(Webhook webhook) {
        em.createNativeQuery("INSERT INTO relay_webhook (relay_id, url, secret, created_at, updated_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (relay_id) DO UPDATE SET url = EXCLUDED.url, "
                        + "secret = EXCLUDED.secret, updated_at = EXCLUDED.updated_at")
                .setParameter(1, webhook.relayId()).setParameter(2, webhook.url()).setParameter(3, webhook.secret())
                .setParameter(4, Timestamp.from(webhook.createdAt())).setParameter(5, Timestamp.from(webhook.updatedAt()))
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean deleteWebhook(String relayId) {
        return em.createNativeQuery("DELETE FROM relay_webhook WHERE relay_id = ?1").setParameter(1, relayId)
                .executeUpdate() > 0;
    }

    // ------------------------------------------------------------------ sending

    /**
     * Leases up to {@code size} due deliveries to this instance until {@code until}: PENDING, due, not leased by
     * another instance, of a relay that still has a webhook, and the first undelivered one of their candidacy (a
     * later message waits for the earlier). Rows another instance is leasing at this moment are skipped
     * ({@code FOR UPDATE SKIP LOCKED}); the lease then keeps them apart while they are sent, outside the transaction
     * ({@link LeasedQueue#lease}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Due> lease(Instant now, Instant until, int size) {
        List<Object[]> rows = queue.lease(now, until, size, "relay_webhook w WHERE w.relay_id = t.relay_id",
                "EXISTS (SELECT 1 FROM relay_webhook x WHERE x.relay_id = c.relay_id) "
                        + "AND NOT EXISTS (SELECT 1 FROM webhook_delivery e WHERE e.relay_id = c.relay_id "
                        + "AND e.application_id = c.application_id AND e.seq < c.seq AND e.state <> 'DELIVERED')",
                "t.id, t.relay_id, t.body, w.url, w.secret, t.attempts, t.retry_from, t.seq");
        return rows.stream().sorted((a, b) -> Long.compare(((Number) a[7]).longValue(), ((Number) b[7]).longValue()))
                .map(r -> new Due((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                        ((Number) r[5]).intValue(), SqlValues.instant(r[6]))).toList();
    }

    /** The deliveries that got a 2xx {@code status}, in one statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void delivered(List<UUID> ids, int status, Instant now) {
        em.createNativeQuery("UPDATE webhook_delivery SET state = 'DELIVERED', " + LeasedQueue.ATTEMPT_DONE
                        + ", last_status = :status, last_error = NULL, delivered_at = :now WHERE id IN (:ids)")
                .setParameter("ids", ids).setParameter("status", status).setParameter("now", Timestamp.from(now))
                .executeUpdate();
    }

    /**
     * When the next failed delivery is to be tried again, if one is: the sender wakes for it ({@code
     * webhook_delivery_due}, the first row of an index range).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Instant> nextRetry(Instant now) {
        return queue.nextRetry(now);
    }

    /** A failed attempt: tried again at {@code nextAttempt}, or parked when {@code park}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void failed(UUID id, Integer status, String error, Instant nextAttempt, boolean park, Instant now) {
        em.createNativeQuery("UPDATE webhook_delivery SET " + LeasedQueue.ATTEMPT_DONE + ", last_status = ?2, "
                        + "last_error = ?3, next_attempt_at = ?4, state = CASE WHEN ?5 THEN 'PARKED' ELSE state END, "
                        + "parked_at = CASE WHEN ?5 THEN ?6 ELSE parked_at END WHERE id = ?1")
                .setParameter(1, id).setParameter(2, status).setParameter(3, error)
                .setParameter(4, Timestamp.from(nextAttempt)).setParameter(5, park).setParameter(6, Timestamp.from(now))
                .executeUpdate();
    }

    // ------------------------------------------------------------------ reading, redelivering

    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public Page<DeliveryView> list(String relayId, String state, PageParams page) {
        String where = " FROM webhook_delivery WHERE relay_id = ?1" + (state == null ? "" : " AND state = ?2");
        Query select = em.createNativeQuery("SELECT " + VIEW_COLUMNS + where + " ORDER BY seq DESC")
                .setParameter(1, relayId).setFirstResult(page.page * page.size).setMaxResults(page.size);
        Query count = em.createNativeQuery("SELECT count(*)" + where).setParameter(1, relayId);
        if (state != null) {
            select.setParameter(2, state);
            count.setParameter(2, state);
        }
        List<DeliveryView> items = ((List<Object[]>) select.getResultList()).stream().map(WebhookDeliveries::view)
                .toList();
        return new Page<>(items, page.page, page.size, ((Number) count.getSingleResult()).longValue());
    }

    /** The delivery, locked, if it is the relay's. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public Optional<DeliveryView> lock(String relayId, UUID id) {
        List<Object[]> rows = em.createNativeQuery("SELECT " + VIEW_COLUMNS + " FROM webhook_delivery "
                + "WHERE relay_id = ?1 AND id = ?2 FOR UPDATE").setParameter(1, relayId).setParameter(2, id)
                .getResultList();
        return rows.stream().findFirst().map(WebhookDeliveries::view);
    }

    /**
     * A parked delivery back to PENDING, due now, with a fresh retry window counted from now; the statement notifies
     * the sender ({@link WebhookConfig#CHANNEL}, on commit).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void redeliver(UUID id, Instant now) {
        em.createNativeQuery("WITH redelivered AS (UPDATE webhook_delivery SET state = 'PENDING', attempts = 0, "
                        + "next_attempt_at = ?2, retry_from = ?2, parked_at = NULL, leased_until = NULL "
                        + "WHERE id = ?1 AND state = 'PARKED' RETURNING id), "
                        + "notified AS (SELECT pg_notify('" + WebhookConfig.CHANNEL + "', '') FROM redelivered) "
                        + "SELECT count(*) FROM notified")
                .setParameter(1, id).setParameter(2, Timestamp.from(now)).getSingleResult();
    }

    private static DeliveryView view(Object[] r) {
        return new DeliveryView((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], ((Number) r[4]).intValue(),
                SqlValues.instant(r[5]), r[6] == null ? null : ((Number) r[6]).intValue(), (String) r[7], SqlValues.instant(r[8]),
                SqlValues.instant(r[9]), SqlValues.instant(r[10]));
    }

}
