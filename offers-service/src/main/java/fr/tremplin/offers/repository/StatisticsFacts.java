package fr.tremplin.offers.repository;

import fr.tremplin.common.calendar.SchoolCalendar;
import fr.tremplin.common.territory.Academies;
import fr.tremplin.offers.api.CandidacyStateChanged;
import fr.tremplin.offers.api.OfferChanged;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The statistics facts ({@code stat_offer}, {@code stat_offer_week}, {@code stat_candidacy}, V4), written only from
 * events. Every write is an upsert whose result does not depend on the order the events arrive in nor on how often
 * each arrives: the newest event (by a total order, see each method) sets the state and dimensions, {@code LEAST}
 * keeps the earliest date of each milestone. Runs in the caller's transaction.
 */
@ApplicationScoped
public class StatisticsFacts {

    /** Fact tables, children first. */
    public static final List<String> TABLES = List.of("stat_candidacy", "stat_offer_week", "stat_offer");

    /**
     * Ties between two events of one candidacy at the same instant: the state further along the lifecycle wins
     * (docs/ARCHITECTURE.md §4), the final states last, then the state's name; so the order is total.
     */
    static final Map<String, Integer> STATE_RANK = Map.of("SUBMITTED", 0, "FORWARDED", 1, "ACCEPTED", 2,
            "CONFIRMED", 3, "AGREEMENT_SIGNED", 4, "COMPLETED", 5, "REDIRECTED", 6, "REJECTED", 6, "CANCELLED", 6,
            "EXPIRED", 6);

    private static final long REBUILD_LOCK = 0x73746174726562L;  // "statreb": one rebuild at a time
    private static final long ERASURE_FENCE = 0x7374617465726aL; // erasures wait for a running rebuild

    private static final String CANDIDACY_NEWER = "(excluded.as_of, " + rank("excluded.state")
            + ", excluded.state) > (c.as_of, " + rank("c.state") + ", c.state)";
    private static final String OFFER_NEWER = "(excluded.version, excluded.as_of, excluded.status) "
            + "> (o.version, o.as_of, o.status)";

    private final AgroalDataSource dataSource;

    public StatisticsFacts(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    private static String rank(String column) {
        return STATE_RANK.entrySet().stream().map(e -> " WHEN '" + e.getKey() + "' THEN " + e.getValue())
                .sorted().collect(Collectors.joining("", "(CASE " + column, " ELSE 7 END)"));
    }

    private static String newer(String condition, String column, String alias) {
        return column + " = CASE WHEN " + condition + " THEN excluded." + column + " ELSE " + alias + "." + column
                + " END";
    }

    /**
     * The candidacy's row. State, as_of and the school's dimensions come from the newest event, ordered by
     * (as_of, lifecycle rank of the state, state); offer, week, school year and pupil are set once (a pupil's id is
     * never written back, so an erasure stays erased). Each milestone keeps the earliest time its state was seen.
     */
    public void upsertCandidacies(List<CandidacyStateChanged> changes) {
        String sql = "INSERT INTO stat_candidacy AS c (application_id, offer_id, week, school_year, pupil_id, "
                + "school_priority, school_department, school_academy, school_uai, state, as_of, submitted_at, "
                + "confirmed_at, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (application_id) DO UPDATE SET "
                + List.of("school_priority", "school_department", "school_academy", "school_uai", "state", "as_of")
                .stream().map(column -> newer(CANDIDACY_NEWER, column, "c")).collect(Collectors.joining(", "))
                + ", submitted_at = LEAST(c.submitted_at, excluded.submitted_at)"
                + ", confirmed_at = LEAST(c.confirmed_at, excluded.confirmed_at)"
                + ", completed_at = LEAST(c.completed_at, excluded.completed_at) "
                + "WHERE " + CANDIDACY_NEWER
                + " OR c.submitted_at IS DISTINCT FROM LEAST(c.submitted_at, excluded.submitted_at)"
                + " OR c.confirmed_at IS DISTINCT FROM LEAST(c.confirmed_at, excluded.confirmed_at)"
                + " OR c.completed_at IS DISTINCT FROM LEAST(c.completed_at, excluded.completed_at)";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(sql)) {
            for (CandidacyStateChanged change : changes) {
                String schoolYear = SchoolCalendar.schoolYearOf(SchoolCalendar.monday(change.week()).orElseThrow());
                Timestamp at = Timestamp.from(change.asOf());
                upsert.setObject(1, change.applicationId());
                upsert.setObject(2, change.offerId());
                upsert.setString(3, change.week());
                upsert.setString(4, schoolYear);
                upsert.setObject(5, change.pupilId());
                upsert.setString(6, change.schoolPriority());
                upsert.setString(7, change.schoolDepartment());
                upsert.setString(8, Academies.ofDepartment(change.schoolDepartment()).orElse(null));
                upsert.setString(9, change.schoolUai());
                upsert.setString(10, change.state());
                upsert.setTimestamp(11, at);
                upsert.setTimestamp(12, "SUBMITTED".equals(change.state()) ? at : null);
                upsert.setTimestamp(13, "CONFIRMED".equals(change.state()) ? at : null);
                upsert.setTimestamp(14, "COMPLETED".equals(change.state()) ? at : null);
                upsert.addBatch();
            }
            upsert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not fold " + changes.size() + " candidacy events", e);
        }
    }

    /**
     * The offer's row: status, version and dimensions from the event of the highest (version, as_of, status);
     * {@code first_published_at} the earliest as_of of a PUBLISHED payload, whatever came first. Then, for a PUBLISHED
     * payload of a version above {@code published_version}, its weeks and capacity replace those last published.
     */
    public void upsertOffer(OfferChanged change) {
        String sql = "INSERT INTO stat_offer AS o (offer_id, school_year, ministry_code, public_sector, sector_id, "
                + "department, academy, status, version, published_version, first_published_at, as_of) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?) ON CONFLICT (offer_id) DO UPDATE SET "
                + List.of("school_year", "ministry_code", "public_sector", "sector_id", "department", "academy",
                        "status", "version", "as_of")
                .stream().map(column -> newer(OFFER_NEWER, column, "o")).collect(Collectors.joining(", "))
                + ", first_published_at = LEAST(o.first_published_at, excluded.first_published_at) "
                + "WHERE " + OFFER_NEWER
                + " OR o.first_published_at IS DISTINCT FROM LEAST(o.first_published_at, excluded.first_published_at)";
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement upsert = connection.prepareStatement(sql)) {
                upsert.setObject(1, change.offerId());
                upsert.setString(2, change.schoolYear());
                upsert.setString(3, change.ministryCode());
                upsert.setBoolean(4, change.publicSector());
                upsert.setString(5, change.sectorId());
                upsert.setString(6, change.department());
                upsert.setString(7, Academies.ofDepartment(change.department()).orElse(null));
                upsert.setString(8, change.status());
                upsert.setInt(9, change.version());
                upsert.setTimestamp(10, change.published() ? Timestamp.from(change.asOf()) : null);
                upsert.setTimestamp(11, Timestamp.from(change.asOf()));
                upsert.executeUpdate();
            }
            if (change.published() && newestPublication(connection, change)) {
                replaceWeeks(connection, change);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not fold offer " + change.offerId(), e);
        }
    }

    private static boolean newestPublication(Connection connection, OfferChanged change) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE stat_offer SET published_version = ? "
                + "WHERE offer_id = ? AND (published_version IS NULL OR published_version < ?)")) {
            update.setInt(1, change.version());
            update.setObject(2, change.offerId());
            update.setInt(3, change.version());
            return update.executeUpdate() == 1;
        }
    }

    private static void replaceWeeks(Connection connection, OfferChanged change) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM stat_offer_week WHERE offer_id = ? AND NOT (week = ANY (?))");
             PreparedStatement upsert = connection.prepareStatement("INSERT INTO stat_offer_week AS w "
                     + "(offer_id, week, starts_on, capacity) VALUES (?, ?, ?, ?) ON CONFLICT (offer_id, week) "
                     + "DO UPDATE SET starts_on = excluded.starts_on, capacity = excluded.capacity "
                     + "WHERE (w.starts_on, w.capacity) IS DISTINCT FROM (excluded.starts_on, excluded.capacity)")) {
            delete.setObject(1, change.offerId());
            delete.setArray(2, connection.createArrayOf("varchar",
                    change.weeks().stream().map(OfferChanged.Week::week).toArray()));
            delete.executeUpdate();
            for (OfferChanged.Week week : change.weeks()) {
                upsert.setObject(1, change.offerId());
                upsert.setString(2, week.week());
                upsert.setDate(3, Date.valueOf(week.startsOn()));
                upsert.setInt(4, change.capacityPerWeek());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** An erased pupil's rows all take one new random id: the counts stay, the link to the person goes. */
    public int erasePupil(UUID pupilId) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement fence = connection.prepareStatement("SELECT pg_advisory_xact_lock_shared(?)")) {
                fence.setLong(1, ERASURE_FENCE);
                fence.execute();
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE stat_candidacy SET pupil_id = ? WHERE pupil_id = ?")) {
                update.setObject(1, UUID.randomUUID());
                update.setObject(2, pupilId);
                return update.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not erase a pupil from the statistics", e);
        }
    }

    /**
     * Starts a rebuild in the caller's transaction: false when another one is running. Otherwise holds until the
     * commit the erasure fence (an erasure arriving meanwhile waits and then applies to the rebuilt rows) and empties
     * the fact tables (readers keep seeing the old rows until the commit).
     */
    public boolean startRebuild() {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            try (ResultSet locked = sql.executeQuery("SELECT pg_try_advisory_xact_lock(" + REBUILD_LOCK + ")")) {
                locked.next();
                if (!locked.getBoolean(1)) {
                    return false;
                }
            }
            sql.execute("SELECT pg_advisory_xact_lock(" + ERASURE_FENCE + ")");
            for (String table : TABLES) {
                sql.executeUpdate("DELETE FROM " + table);
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("could not start the statistics rebuild", e);
        }
    }

    /** Rows per fact table, as the caller's transaction sees them. */
    public Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            for (String table : TABLES.reversed()) {
                try (ResultSet count = sql.executeQuery("SELECT count(*) FROM " + table)) {
                    count.next();
                    counts.put(table, count.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the statistics facts", e);
        }
        return counts;
    }
}
