import java.util.Set;

/**
 * What must hold after the campaign, whatever the load: the seat ledger agrees with the candidacies and no offer-week
 * is overbooked; every transition has its event, every event reached the topic, nothing is left in the outbox. The
 * last line, RESULT, is the one to grep.
 */
final class ConsistencyChecks {

    private ConsistencyChecks() {
    }

    /** {@code created}: the 201 answers of the whole run, warm-up included. */
    static void print(Database db, EventObserver events, int created) throws Exception {
        System.out.println("checks:");
        long applications = db.scalar("SELECT count(*) FROM application");
        System.out.printf("  candidacies in the database: %d (201 answers, warm-up included: %d)%n", applications,
                created);
        long weeks = db.scalar("SELECT count(*) FROM seat_ledger");
        long overbooked = db.scalar("SELECT count(*) FROM seat_ledger WHERE held + consumed > capacity");
        long mismatched = db.scalar("SELECT count(*) FROM seat_ledger l LEFT JOIN (SELECT offer_id, week, "
                + "count(*) FILTER (WHERE state = 'ACCEPTED') AS held, "
                + "count(*) FILTER (WHERE state IN ('CONFIRMED', 'AGREEMENT_SIGNED', 'COMPLETED')) AS consumed "
                + "FROM application GROUP BY offer_id, week) a USING (offer_id, week) "
                + "WHERE l.held <> coalesce(a.held, 0) OR l.consumed <> coalesce(a.consumed, 0)");
        long held = db.scalar("SELECT coalesce(sum(held), 0) FROM seat_ledger");
        long consumed = db.scalar("SELECT coalesce(sum(consumed), 0) FROM seat_ledger");
        long full = db.scalar("SELECT count(*) FROM seat_ledger WHERE held + consumed = capacity");
        System.out.printf("  seat ledger: %d offer-weeks, %d held, %d consumed, %d full; overbooked weeks: %d; "
                + "weeks whose counts differ from their candidacies: %d%n", weeks, held, consumed, full, overbooked,
                mismatched);
        long transitions = db.scalar("SELECT count(*) FROM application_transition");
        long outbox = db.scalar(Database.APPLICATION_EVENTS);
        long pending = db.scalar(Database.UNPUBLISHED_EVENTS);
        Set<String> outboxIds = db.strings("SELECT id FROM outbox_event WHERE topic = '" + EventObserver.TOPIC + "'");
        long lost = outboxIds.stream().filter(id -> !events.received(id)).count();
        System.out.printf("  events: %d transitions recorded, %d events in the outbox (%d still pending), %d received "
                + "by the consumer; lost: %d; redelivered duplicates: %d%n", transitions, outbox, pending,
                events.receivedCount(), lost, events.duplicates());
        System.out.printf("  received by type: %s%n", events.receivedTypes().sorted());
        System.out.printf("  states: %s%n", db.counts("SELECT state, count(*) FROM application GROUP BY state"));
        System.out.printf("RESULT overbooked=%d ledgerMismatch=%d lostEvents=%d transitionsWithoutEvent=%d%n",
                overbooked, mismatched, lost, transitions - outbox);
    }
}
