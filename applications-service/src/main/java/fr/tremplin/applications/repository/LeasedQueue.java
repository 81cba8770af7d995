package fr.tremplin.applications.repository;

import fr.tremplin.common.persistence.SqlValues;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The leasing shared by the two queues of messages sent outside the transaction that queued them: the emails
 * ({@link NotificationLog}, table {@code notification}) and the relays' webhook deliveries ({@link WebhookDeliveries},
 * table {@code webhook_delivery}). Such a table's rows carry {@code id}, {@code next_attempt_at} (when a row is due),
 * {@code leased_until} (the instance sending it, until then) and {@code attempts}.
 * <ul>
 *   <li>{@link #lease}: in one statement, takes up to {@code size} rows that are due (the queue's condition, and
 *   {@code next_attempt_at} reached) and not leased (no lease, or one run out), in the queue's order, locks them
 *   {@code FOR UPDATE SKIP LOCKED} (a row another instance is leasing at this moment is passed over, never waited
 *   for) and leases them until {@code until}: two instances never send the same row while the lease lasts; an instance
 *   that dies while sending lets its lease run out, and the row goes again (at least once);</li>
 *   <li>{@link #ATTEMPT_DONE}: what every outcome writes (one attempt more, the lease given back);</li>
 *   <li>{@link #nextRetry} and {@link #untilNextPass}: when the sender wakes for the earliest row waiting for a retry.</li>
 * </ul>
 * The backoff and the giving up after the retry window are {@code domain/RetrySchedule}'s. Each queue keeps its own
 * statuses, columns and order; {@code LeasedQueueTest} holds the behaviour on a table of its own.
 */
public final class LeasedQueue {

    /** The columns every recorded attempt sets, whatever its outcome. */
    public static final String ATTEMPT_DONE = "attempts = attempts + 1, leased_until = NULL";

    private final EntityManager em;
    private final String table;
    private final String due;
    private final String order;
    private final String waiting;

    /**
     * @param table   the queue's table
     * @param due     the condition of a row still to send, on the alias {@code c} ({@code c.state = 'PENDING'}): keep
     *                it the predicate of the table's partial index
     * @param order   the order rows are taken in, on {@code c} ({@code c.next_attempt_at}, {@code c.seq})
     * @param waiting the condition of a row waiting for a retry, without alias ({@code status = 'RETRYING'})
     */
    public LeasedQueue(EntityManager em, String table, String due, String order, String waiting) {
        this.em = em;
        this.table = table;
        this.due = due;
        this.order = order;
        this.waiting = waiting;
    }

    /** The statement {@link #lease} runs (?1 now, ?2 until, ?3 size); the leased rows are {@code t}. */
    String leaseStatement(String join, String extraCondition, String returning) {
        // The rows are chosen in a CTE: one with FOR UPDATE is evaluated once, whereas a LIMIT ... SKIP LOCKED
        // subquery in the WHERE clause may be run again by the plan and take more rows than the limit.
        return "WITH due AS (SELECT c.id FROM " + table + " c WHERE " + due + " AND c.next_attempt_at <= ?1 "
                + "AND (c.leased_until IS NULL OR c.leased_until <= ?1)"
                + (extraCondition == null ? "" : " AND " + extraCondition)
                + " ORDER BY " + order + " LIMIT ?3 FOR UPDATE SKIP LOCKED) "
                + "UPDATE " + table + " t SET leased_until = ?2 FROM due"
                + (join == null ? " WHERE " : ", " + join + " AND ") + "t.id = due.id RETURNING " + returning;
    }

    /**
     * Leases up to {@code size} due rows until {@code until} and returns their {@code returning} columns (on
     * {@code t}, and on the joined table), in no particular order.
     *
     * @param join           null, or another table joined to each leased row for its columns:
     *                       {@code "relay_webhook w WHERE w.relay_id = t.relay_id"}
     * @param extraCondition null, or a further condition on {@code c} (a row waiting for an earlier one)
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> lease(Instant now, Instant until, int size, String join, String extraCondition,
                                String returning) {
        return em.createNativeQuery(leaseStatement(join, extraCondition, returning))
                .setParameter(1, Timestamp.from(now)).setParameter(2, Timestamp.from(until)).setParameter(3, size)
                .getResultList();
    }

    /** When the earliest row waiting for a retry falls due, if one does after {@code now}. */
    public Optional<Instant> nextRetry(Instant now) {
        Object next = em.createNativeQuery("SELECT min(next_attempt_at) FROM " + table + " WHERE " + waiting
                + " AND next_attempt_at > ?1").setParameter(1, Timestamp.from(now)).getSingleResult();
        return Optional.ofNullable(SqlValues.instant(next));
    }

    /** How long a sender sleeps: its fallback period, or less when a retry falls due sooner. */
    public static Duration untilNextPass(Instant now, Optional<Instant> nextRetry, Duration fallback) {
        return nextRetry.map(at -> Duration.between(now, at)).filter(wait -> wait.compareTo(fallback) < 0)
                .map(wait -> wait.isNegative() ? Duration.ZERO : wait).orElse(fallback);
    }
}
