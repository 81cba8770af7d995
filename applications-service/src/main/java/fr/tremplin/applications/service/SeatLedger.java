package fr.tremplin.applications.service;

import fr.tremplin.applications.domain.Application;
import fr.tremplin.applications.domain.ApplicationState;
import fr.tremplin.applications.domain.ApplicationState.Seat;
import fr.tremplin.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * THE seat accounting, in one place. Per offer and week ({@code seat_ledger} row): the capacity (from the offer's
 * events), the seats held (ACCEPTED candidacies) and consumed (CONFIRMED, AGREEMENT_SIGNED, COMPLETED).
 * <ul>
 *   <li>A hold or a consumption is one conditional {@code UPDATE ... WHERE held + consumed < capacity}: PostgreSQL
 *   locks the row, so concurrent accepts of the same week queue up and each re-reads the counts the previous one
 *   committed; the one that finds the week full changes nothing and is refused (409).</li>
 *   <li>The table's CHECK ({@code held + consumed <= capacity}) refuses any transaction that would overbook anyway.</li>
 *   <li>Every transition moves seats through {@link #move}, from the seat effect of its old state to its new one
 *   ({@link ApplicationState#seat()}), in the transaction of the transition.</li>
 * </ul>
 * Lock order, everywhere: a candidacy's row first, then its week's ledger row (no deadlock between transitions,
 * the expiry job and the offers consumer).
 */
@ApplicationScoped
public class SeatLedger {

    /** One week of an offer as the ledger sees it. */
    @Schema(name = "SeatWeek")
    public record Week(UUID offerId, String week, LocalDate startsOn, boolean open, int capacity, int held,
                       int consumed) {
        public int free() {
            return Math.max(0, capacity - held - consumed);
        }
    }

    private final EntityManager em;

    public SeatLedger(EntityManager em) {
        this.em = em;
    }

    /** Applies to the ledger what a candidacy's move from one state to another does to its seat. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void move(Application application, ApplicationState from, ApplicationState to) {
        Seat before = from == null ? Seat.NONE : from.seat();
        Seat after = to.seat();
        if (before == after) {
            return;
        }
        switch (before) {
            case NONE -> take(application, after);
            case HELD -> {
                if (after == Seat.CONSUMED) {
                    convertHold(application);
                } else {
                    release(application, "held");
                }
            }
            case CONSUMED -> {
                if (after == Seat.NONE) {
                    release(application, "consumed");
                } else {
                    throw new IllegalStateException("a consumed seat never goes back to held");
                }
            }
        }
    }

    private void take(Application application, Seat seat) {
        String column = seat == Seat.HELD ? "held" : "consumed";
        int updated = em.createNativeQuery("UPDATE seat_ledger SET " + column + " = " + column + " + 1 "
                        + "WHERE offer_id = ?1 AND week = ?2 AND open AND held + consumed < capacity")
                .setParameter(1, application.offerId).setParameter(2, application.week).executeUpdate();
        if (updated == 0) {
            Optional<Week> week = week(application.offerId, application.week);
            if (week.isEmpty() || !week.get().open()) {
                throw ProblemException.conflict("week " + application.week + " is no longer open on this offer");
            }
            throw ProblemException.conflict("no seat left for week " + application.week + " of this offer ("
                    + week.get().capacity() + " seats, all held or taken)");
        }
    }

    private void convertHold(Application application) {
        // held + consumed is unchanged: confirming a held seat can never overbook.
        int updated = em.createNativeQuery("UPDATE seat_ledger SET held = held - 1, consumed = consumed + 1 "
                        + "WHERE offer_id = ?1 AND week = ?2 AND held > 0")
                .setParameter(1, application.offerId).setParameter(2, application.week).executeUpdate();
        if (updated == 0) {
            throw ProblemException.conflict("the seat held for this candidacy is no longer held");
        }
    }

    private void release(Application application, String column) {
        em.createNativeQuery("UPDATE seat_ledger SET " + column + " = " + column + " - 1 "
                        + "WHERE offer_id = ?1 AND week = ?2 AND " + column + " > 0")
                .setParameter(1, application.offerId).setParameter(2, application.week).executeUpdate();
    }

    /** Creates or reopens a week with the offer's capacity; used by the offers consumer. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void open(UUID offerId, String week, LocalDate startsOn, int capacity) {
        em.createNativeQuery("INSERT INTO seat_ledger (offer_id, week, starts_on, open, capacity) "
                        + "VALUES (?1, ?2, ?3, true, ?4) ON CONFLICT (offer_id, week) DO UPDATE SET open = true, "
                        + "starts_on = excluded.starts_on, capacity = GREATEST(excluded.capacity, "
                        + "seat_ledger.held + seat_ledger.consumed)")
                .setParameter(1, offerId).setParameter(2, week).setParameter(3, startsOn).setParameter(4, capacity)
                .executeUpdate();
    }

    /**
     * Sets a week's capacity once the candidacies beyond it were cancelled; seats that could not be released
     * (completed internships are history) keep the capacity at what they take.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void setCapacity(UUID offerId, String week, int capacity, boolean open) {
        em.createNativeQuery("UPDATE seat_ledger SET capacity = GREATEST(?3, held + consumed), open = ?4 "
                        + "WHERE offer_id = ?1 AND week = ?2")
                .setParameter(1, offerId).setParameter(2, week).setParameter(3, capacity).setParameter(4, open)
                .executeUpdate();
    }

    /** Locks a week's row until the end of the transaction (after its candidacies' rows: see the lock order). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Week> lock(UUID offerId, String week) {
        return rows("WHERE offer_id = ?1 AND week = ?2 FOR UPDATE", offerId, week).stream().findFirst();
    }

    /**
     * A week read under a key-share lock until the end of the transaction: a submission holds it while it inserts its
     * candidacy, so that a concurrent withdrawal of the week ({@link #lock}, FOR UPDATE) waits for it and then sees
     * the new candidacy, or the submission waits for the withdrawal and sees the week closed. Holds and releases
     * (plain UPDATEs) do not wait for it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Week> share(UUID offerId, String week) {
        return rows("WHERE offer_id = ?1 AND week = ?2 FOR KEY SHARE", offerId, week).stream().findFirst();
    }

    public Optional<Week> week(UUID offerId, String week) {
        return rows("WHERE offer_id = ?1 AND week = ?2", offerId, week).stream().findFirst();
    }

    public List<Week> weeks(UUID offerId) {
        return rows("WHERE offer_id = ?1 ORDER BY starts_on, week", offerId, null);
    }

    private List<Week> rows(String where, UUID offerId, String week) {
        var query = em.createNativeQuery("SELECT offer_id, week, starts_on, open, capacity, held, consumed "
                + "FROM seat_ledger " + where).setParameter(1, offerId);
        if (week != null) {
            query.setParameter(2, week);
        }
        List<Week> weeks = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            weeks.add(new Week((UUID) columns[0], (String) columns[1], toDate(columns[2]), (Boolean) columns[3],
                    ((Number) columns[4]).intValue(), ((Number) columns[5]).intValue(),
                    ((Number) columns[6]).intValue()));
        }
        return weeks;
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
