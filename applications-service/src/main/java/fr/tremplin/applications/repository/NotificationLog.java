package fr.tremplin.applications.repository;

import fr.tremplin.common.persistence.SqlValues;
import fr.tremplin.applications.api.NotificationView;
import fr.tremplin.applications.config.NotificationConfig;
import fr.tremplin.applications.domain.notifications.NotificationKind;
import fr.tremplin.applications.domain.notifications.PartyKind;
import fr.tremplin.applications.domain.notifications.Recipient;
import fr.tremplin.common.web.Page;
import fr.tremplin.common.web.PageParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The delivery log ({@code notification}): leasing what is due, recording outcomes, the timers' rows (hold reminders,
 * digests) and the admins' view. Rows are queued by {@code events/NotificationOutbox} in the transaction of their event.
 */
@ApplicationScoped
public class NotificationLog {

    /** A message leased to this instance, with what it takes to write it. */
    public record Due(UUID id, NotificationKind kind, Recipient recipient, UUID applicationId, String data,
                      int attempts, Instant createdAt) {
    }

    private static final String VIEW_COLUMNS = "id, event_id, kind, party_kind, party_id, application_id, status, "
            + "attempts, last_error, skip_reason, created_at, next_attempt_at, sent_at";

    private final EntityManager em;
    private final LeasedQueue queue;

    public NotificationLog(EntityManager em) {
        this.em = em;
        this.queue = new LeasedQueue(em, "notification", "c.status IN ('QUEUED', 'RETRYING')", "c.next_attempt_at",
                "status = 'RETRYING'");
    }

    /**
     * Leases up to {@code size} due messages (QUEUED or RETRYING, due, not leased by another instance) until
     * {@code until}, the earliest due first ({@link LeasedQueue#lease}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Due> lease(Instant now, Instant until, int size) {
        List<Object[]> rows = queue.lease(now, until, size, null, null, "t.id, t.kind, t.party_kind, t.party_id, "
                + "t.application_id, CAST(t.data AS text), t.attempts, t.created_at");
        return rows.stream().map(r -> new Due((UUID) r[0], NotificationKind.valueOf((String) r[1]),
                new Recipient(PartyKind.valueOf((String) r[2]), (String) r[3]), (UUID) r[4], (String) r[5],
                ((Number) r[6]).intValue(), SqlValues.instant(r[7]))).toList();
    }

    /** A message the SMTP server accepted, with the address it went to. */
    public record Sent(UUID id, String recipient) {
    }

    /**
     * The batch's messages the SMTP server accepted, in one statement (one per message cost the sender more than the
     * sending: docs/BENCHMARKS.md, "Emails of a campaign").
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void sent(List<Sent> sent, Instant now) {
        if (sent.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE notification n SET status = 'SENT', "
                    + "recipient = v.recipient, " + LeasedQueue.ATTEMPT_DONE + ", sent_at = ?, last_error = NULL "
                    + "FROM unnest(?, ?) AS v(id, recipient) WHERE n.id = v.id")) {
                update.setTimestamp(1, Timestamp.from(now));
                update.setArray(2, connection.createArrayOf("uuid", sent.stream().map(Sent::id).toArray()));
                update.setArray(3, connection.createArrayOf("text", sent.stream().map(Sent::recipient).toArray()));
                update.executeUpdate();
            }
        });
    }

    /** A failed attempt: tried again at {@code nextAttempt}, or FAILED for good when {@code giveUp}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void failed(UUID id, String recipient, String error, Instant nextAttempt, boolean giveUp) {
        em.createNativeQuery("UPDATE notification SET status = ?2, recipient = ?3, " + LeasedQueue.ATTEMPT_DONE
                        + ", last_error = ?4, next_attempt_at = ?5 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, giveUp ? "FAILED" : "RETRYING").setParameter(3, recipient)
                .setParameter(4, error).setParameter(5, Timestamp.from(nextAttempt)).executeUpdate();
    }

    /** Not sent, for good: no contact, switched off, no longer relevant. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void skipped(UUID id, String reason) {
        em.createNativeQuery("UPDATE notification SET status = 'SKIPPED', skip_reason = ?2, leased_until = NULL "
                + "WHERE id = ?1").setParameter(1, id).setParameter(2, reason).executeUpdate();
    }

    /** Waits for its host's daily digest. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void toDigest(UUID id) {
        em.createNativeQuery("UPDATE notification SET status = 'DIGEST', leased_until = NULL WHERE id = ?1")
                .setParameter(1, id).executeUpdate();
    }

    /** When the earliest failed message falls due again, if any. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Instant> nextRetry(Instant now) {
        return queue.nextRetry(now);
    }

    /**
     * Queues the reminder of every hold that ends within {@code before} from {@code now} and is not yet confirmed:
     * one per hold (its event id is derived from the candidacy and the hold's end, so a second pass adds nothing).
     * Returns how many it queued.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int queueHoldReminders(Instant now, Duration before) {
        Number queued = (Number) em.createNativeQuery("WITH queued AS (INSERT INTO notification (id, event_id, kind, "
                        + "party_kind, party_id, application_id, pupil_id, data, next_attempt_at, created_at) "
                        + "SELECT gen_random_uuid(), CAST(md5('hold-reminder:' || a.id || ':' || "
                        + "extract(epoch FROM a.hold_expires_at)) AS uuid), ?3, 'FAMILY', CAST(a.pupil_id AS text), a.id, "
                        + "a.pupil_id, jsonb_build_object('applicationId', a.id, 'offerId', a.offer_id, "
                        + "'offerTitle', a.offer_title, 'week', a.week, 'startsOn', a.starts_on, 'state', a.state, "
                        + "'holdExpiresAt', a.hold_expires_at), ?1, ?1 FROM application a "
                        + "WHERE a.state = 'ACCEPTED' AND a.hold_expires_at > ?1 AND a.hold_expires_at <= ?2 "
                        + "ON CONFLICT ON CONSTRAINT notification_once DO NOTHING RETURNING id), "
                        + "notified AS (SELECT pg_notify('" + NotificationConfig.CHANNEL + "', '') FROM queued LIMIT 1) "
                        + "SELECT (SELECT count(*) FROM queued) + 0 * (SELECT count(*) FROM notified)")
                .setParameter(1, Timestamp.from(now)).setParameter(2, Timestamp.from(now.plus(before)))
                .setParameter(3, NotificationKind.HOLD_REMINDER.name()).getSingleResult();
        return queued.intValue();
    }

    /**
     * Gathers each host's waiting forwarded candidacies into one HOST_DIGEST message (its items in the order they
     * came), and marks them DIGESTED with that message's id. Returns how many digests it queued.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int queueDigests(Instant now) {
        Number queued = (Number) em.createNativeQuery("WITH hosts AS (SELECT party_id, gen_random_uuid() AS digest_id "
                        + "FROM notification WHERE status = 'DIGEST' AND party_kind = 'HOST' GROUP BY party_id), "
                        + "marked AS (UPDATE notification n SET status = 'DIGESTED', digest_id = h.digest_id "
                        + "FROM hosts h WHERE n.party_kind = 'HOST' AND n.party_id = h.party_id AND n.status = 'DIGEST' "
                        + "RETURNING h.party_id, h.digest_id, n.data, n.created_at), "
                        + "queued AS (INSERT INTO notification (id, event_id, kind, party_kind, party_id, data, "
                        + "next_attempt_at, created_at) SELECT digest_id, digest_id, ?2, 'HOST', party_id, "
                        + "jsonb_build_object('items', jsonb_agg(data ORDER BY created_at)), ?1, ?1 FROM marked "
                        + "GROUP BY party_id, digest_id RETURNING id), "
                        + "notified AS (SELECT pg_notify('" + NotificationConfig.CHANNEL + "', '') FROM queued LIMIT 1) "
                        + "SELECT (SELECT count(*) FROM queued) + 0 * (SELECT count(*) FROM notified)")
                .setParameter(1, Timestamp.from(now)).setParameter(2, NotificationKind.HOST_DIGEST.name())
                .getSingleResult();
        return queued.intValue();
    }

    /** A FAILED message queued again (an admin's decision once the cause is fixed); false if it is not FAILED. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean requeue(UUID id, Instant now) {
        Number requeued = (Number) em.createNativeQuery("WITH requeued AS (UPDATE notification SET status = 'QUEUED', "
                        + "next_attempt_at = ?2, created_at = ?2, attempts = 0 WHERE id = ?1 AND status = 'FAILED' "
                        + "RETURNING id), notified AS (SELECT pg_notify('" + NotificationConfig.CHANNEL + "', '') "
                        + "FROM requeued) SELECT count(*) FROM notified")
                .setParameter(1, id).setParameter(2, Timestamp.from(now)).getSingleResult();
        return requeued.intValue() > 0;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<NotificationView> find(UUID id) {
        return em.createNativeQuery("SELECT " + VIEW_COLUMNS + " FROM notification WHERE id = ?1").setParameter(1, id)
                .getResultList().stream().findFirst().map(row -> view((Object[]) row));
    }

    /** The log, newest first, optionally of one status. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Page<NotificationView> page(String status, PageParams page) {
        String where = status == null ? "" : " WHERE status = ?1";
        Query rows = em.createNativeQuery("SELECT " + VIEW_COLUMNS + " FROM notification" + where
                + " ORDER BY created_at DESC, id LIMIT " + page.size + " OFFSET " + ((long) page.page * page.size));
        Query count = em.createNativeQuery("SELECT count(*) FROM notification" + where);
        if (status != null) {
            rows.setParameter(1, status);
            count.setParameter(1, status);
        }
        List<?> found = rows.getResultList();
        return new Page<>(found.stream().map(row -> view((Object[]) row)).toList(), page.page, page.size,
                ((Number) count.getSingleResult()).longValue());
    }

    private static NotificationView view(Object[] r) {
        return new NotificationView((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4],
                (UUID) r[5], (String) r[6], ((Number) r[7]).intValue(), (String) r[8], (String) r[9],
                SqlValues.instant(r[10]), SqlValues.instant(r[11]),
                SqlValues.instant(r[12]));
    }
}
