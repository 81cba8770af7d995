package fr.tremplin.offers.repository;

import fr.tremplin.common.sql.SqlConditions;
import fr.tremplin.offers.api.StatisticsCriteria.GroupBy;
import fr.tremplin.offers.api.StatisticsRow;
import fr.tremplin.offers.api.StatisticsRow.ByPriority;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The statistics over the facts {@code stat_offer}, {@code stat_offer_week}, {@code stat_candidacy} and the targets
 * of {@code quota} (V4__quotas_and_statistics.sql), in one SQL statement per request: PostgreSQL filters, groups and
 * counts; Java only reads the rows. Definitions of each figure: docs/STATISTICS.md.
 */
@ApplicationScoped
public class StatisticsQuery {

    /** A candidacy holding its seat: confirmed and not cancelled since. */
    static final String CONFIRMED = "('CONFIRMED', 'AGREEMENT_SIGNED', 'COMPLETED')";
    static final String[] PRIORITIES = {"REP_PLUS", "REP", "NONE"};
    static final String[] CANDIDACY_MEASURES = {"candidacies", "pupils", "confirmed", "completed"};
    /** Months of timestamps are those of metropolitan France. */
    static final String MONTH_OF = "to_char(%s AT TIME ZONE 'Europe/Paris', 'YYYY-MM')";

    private final AgroalDataSource dataSource;

    public StatisticsQuery(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * One question, its scope forced already. {@code bySchool}: candidacies count by the pupil's school territory
     * rather than the offer's. {@code territoryDepartments} / {@code territoryAcademy}: a territorial referent's
     * territory (a row is in when its département is one of them or its académie is that one; empty / null
     * otherwise). {@code quotaScope}: the {@code quota.scope} whose targets match the rows, or null when none does.
     * {@code today}: open seats are in weeks after it; the month series stops at its month.
     */
    public record Selection(String schoolYear, GroupBy groupBy, boolean bySchool, String ministry,
                            Boolean publicSector, String academy, String department,
                            List<String> territoryDepartments, String territoryAcademy, String quotaScope,
                            LocalDate today) {
    }

    public List<StatisticsRow> rows(Selection s) {
        SqlConditions parameters = new SqlConditions();
        boolean month = s.groupBy() == GroupBy.MONTH;
        String sql = month ? monthSql(s, parameters) : groupedSql(s, parameters);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            parameters.bind(select);
            List<StatisticsRow> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(month ? monthRow(rs) : groupedRow(rs, s.groupBy() == GroupBy.SCHOOL_PRIORITY));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("statistics query failed", e);
        }
    }

    // ---------------------------------------------------------------------------------------------- by key

    private static String groupedSql(Selection s, SqlConditions p) {
        boolean noOffers = s.groupBy() == GroupBy.SCHOOL_PRIORITY;
        StringBuilder sql = new StringBuilder("WITH offers AS (SELECT ").append(offerKey(s.groupBy()))
                .append(" AS k, o.offer_id, o.status FROM stat_offer o WHERE o.school_year = ?");
        p.parameter(s.schoolYear());
        sql.append(" AND o.first_published_at IS NOT NULL").append(noOffers ? " AND false" : "")
                .append(clause(p, c -> filters(c, s, "o.department", "o.academy"))).append(")");
        // the seats of each week still free: capacity minus the candidacies holding a seat, never below 0
        sql.append(", taken AS (SELECT c.offer_id, c.week, count(*) AS n FROM stat_candidacy c WHERE c.state IN ")
                .append(CONFIRMED).append(" AND c.offer_id IN (SELECT offer_id FROM offers) GROUP BY c.offer_id, c.week)");
        sql.append(", offer_figures AS (SELECT f.k, count(DISTINCT f.offer_id) AS offers_deposited,"
                + " coalesce(sum(w.capacity), 0) AS seats_deposited,"
                + " coalesce(sum(greatest(0, w.capacity - coalesce(t.n, 0))) FILTER (WHERE f.status = 'PUBLISHED'"
                + " AND w.starts_on > ?), 0) AS seats_open"
                + " FROM offers f LEFT JOIN stat_offer_week w ON w.offer_id = f.offer_id"
                + " LEFT JOIN taken t ON t.offer_id = w.offer_id AND t.week = w.week GROUP BY f.k)");
        p.parameter(s.today());
        sql.append(", candidacies AS (").append(candidacies(s, candidacyKey(s.groupBy(), s.bySchool()) + " AS k", p)).append(")");
        sql.append(", candidacy_figures AS (SELECT k");
        for (String measure : CANDIDACY_MEASURES) {
            String counted = measure.equals("pupils") ? "count(DISTINCT pupil_id)" : "count(*)";
            String when = switch (measure) {
                case "confirmed" -> "confirmed";
                case "completed" -> "state = 'COMPLETED'";
                default -> "true";
            };
            sql.append(", ").append(counted).append(" FILTER (WHERE ").append(when).append(") AS ").append(measure);
            for (String priority : PRIORITIES) {
                sql.append(", ").append(counted).append(" FILTER (WHERE ").append(when).append(" AND p = '")
                        .append(priority).append("') AS ").append(measure).append("_").append(priority.toLowerCase());
            }
        }
        sql.append(" FROM candidacies GROUP BY k)");
        sql.append(", keys AS (SELECT k FROM offer_figures UNION SELECT k FROM candidacy_figures")
                .append(s.groupBy() == GroupBy.NATIONAL ? " UNION SELECT 'FR'" : "").append(")");
        sql.append(" SELECT keys.k, ").append(label(s.groupBy())).append(" AS label,"
                + " a.offers_deposited, a.seats_deposited, a.seats_open, b.*,");
        if (s.quotaScope() != null) {
            sql.append(" q.deposited AS deposited_target, q.completed AS completed_target,"
                    + " round(coalesce(a.seats_deposited, 0)::numeric / nullif(q.deposited, 0), 4) AS deposited_ratio,"
                    + " round(coalesce(b.completed, 0)::numeric / nullif(q.completed, 0), 4) AS completed_ratio");
        } else {
            sql.append(" NULL::int AS deposited_target, NULL::int AS completed_target,"
                    + " NULL::numeric AS deposited_ratio, NULL::numeric AS completed_ratio");
        }
        sql.append(" FROM keys LEFT JOIN offer_figures a ON a.k IS NOT DISTINCT FROM keys.k"
                + " LEFT JOIN candidacy_figures b ON b.k IS NOT DISTINCT FROM keys.k");
        if (s.quotaScope() != null) {
            sql.append(" LEFT JOIN quota q ON q.school_year = ? AND q.scope = ? AND q.code = keys.k");
            p.parameter(s.schoolYear()).parameter(s.quotaScope());
        }
        if (s.groupBy() == GroupBy.MINISTRY) {
            sql.append(" LEFT JOIN ministry m ON m.code = keys.k");
        } else if (s.groupBy() == GroupBy.SECTOR) {
            sql.append(" LEFT JOIN sector s ON s.id = keys.k");
        }
        return sql.append(" ORDER BY keys.k COLLATE \"C\" NULLS LAST").toString();
    }

    private static StatisticsRow groupedRow(ResultSet rs, boolean noOffers) throws SQLException {
        return new StatisticsRow(rs.getString("k"), rs.getString("label"),
                noOffers ? null : count(rs, "offers_deposited"), noOffers ? null : count(rs, "seats_deposited"),
                noOffers ? null : count(rs, "seats_open"),
                count(rs, "candidacies"), byPriority(rs, "candidacies", ""),
                count(rs, "pupils"), byPriority(rs, "pupils", ""),
                count(rs, "confirmed"), byPriority(rs, "confirmed", ""),
                count(rs, "completed"), byPriority(rs, "completed", ""),
                (Integer) rs.getObject("deposited_target"), (Integer) rs.getObject("completed_target"),
                ratio(rs, "deposited_ratio"), ratio(rs, "completed_ratio"),
                null, null, null, null, null, null, null, null, null, null);
    }

    private static String offerKey(GroupBy groupBy) {
        return switch (groupBy) {
            case NATIONAL -> "'FR'";
            case MINISTRY -> "o.ministry_code";
            case ACADEMY -> "o.academy";
            case DEPARTMENT -> "o.department";
            case SECTOR -> "o.sector_id";
            case PUBLIC_SECTOR -> "CASE WHEN o.public_sector THEN 'PUBLIC' ELSE 'PRIVATE' END";
            case SCHOOL_PRIORITY, MONTH -> "NULL::text";
        };
    }

    private static String candidacyKey(GroupBy groupBy, boolean bySchool) {
        return switch (groupBy) {
            case ACADEMY -> bySchool ? "c.school_academy" : "o.academy";
            case DEPARTMENT -> bySchool ? "c.school_department" : "o.department";
            case SCHOOL_PRIORITY -> "c.school_priority";
            default -> offerKey(groupBy);
        };
    }

    private static String label(GroupBy groupBy) {
        return switch (groupBy) {
            case MINISTRY -> "m.name";
            case SECTOR -> "s.name";
            default -> "NULL::text";
        };
    }

    // ---------------------------------------------------------------------------------------------- by month

    private static String monthSql(Selection s, SqlConditions p) {
        LocalDate september = LocalDate.of(Integer.parseInt(s.schoolYear().substring(0, 4)), 9, 1);
        LocalDate thisMonth = s.today().withDayOfMonth(1);
        LocalDate last = thisMonth.isBefore(september.plusMonths(11)) ? thisMonth : september.plusMonths(11);
        StringBuilder sql = new StringBuilder("WITH months AS (SELECT to_char(d, 'YYYY-MM') AS k"
                + " FROM generate_series(?::date, ?::date, interval '1 month') d)");
        p.parameter(september).parameter(last);
        sql.append(", offers AS (SELECT ").append(MONTH_OF.formatted("o.first_published_at"))
                .append(" AS k, o.offer_id FROM stat_offer o WHERE o.school_year = ? AND o.first_published_at IS NOT NULL");
        p.parameter(s.schoolYear());
        sql.append(clause(p, c -> filters(c, s, "o.department", "o.academy"))).append(")");
        sql.append(", offer_figures AS (SELECT f.k, count(*) AS offers_deposited, coalesce(sum(w.seats), 0) AS seats_deposited"
                + " FROM offers f LEFT JOIN (SELECT offer_id, sum(capacity) AS seats FROM stat_offer_week GROUP BY offer_id) w"
                + " ON w.offer_id = f.offer_id GROUP BY f.k)");
        sql.append(", candidacies AS (").append(candidacies(s, "c.submitted_at, c.confirmed_at, c.completed_at", p)).append(")");
        // a pupil counts once, in the month of their first candidacy, under the priority of that candidacy's school
        sql.append(", firsts AS (SELECT DISTINCT ON (pupil_id) p, submitted_at FROM candidacies"
                + " WHERE submitted_at IS NOT NULL ORDER BY pupil_id, submitted_at)");
        sql.append(", events AS (SELECT 'candidacies' AS m, p, submitted_at AS at FROM candidacies WHERE submitted_at IS NOT NULL"
                + " UNION ALL SELECT 'pupils', p, submitted_at FROM firsts"
                + " UNION ALL SELECT 'confirmed', p, confirmed_at FROM candidacies WHERE confirmed AND confirmed_at IS NOT NULL"
                + " UNION ALL SELECT 'completed', p, completed_at FROM candidacies WHERE state = 'COMPLETED' AND completed_at IS NOT NULL)");
        sql.append(", candidacy_figures AS (SELECT ").append(MONTH_OF.formatted("at")).append(" AS k");
        for (String measure : CANDIDACY_MEASURES) {
            sql.append(", count(*) FILTER (WHERE m = '").append(measure).append("') AS ").append(measure);
            for (String priority : PRIORITIES) {
                sql.append(", count(*) FILTER (WHERE m = '").append(measure).append("' AND p = '").append(priority)
                        .append("') AS ").append(measure).append("_").append(priority.toLowerCase());
            }
        }
        sql.append(" FROM events GROUP BY 1)");
        List<String> columns = new ArrayList<>(List.of("offers_deposited", "seats_deposited"));
        sql.append(", figures AS (SELECT coalesce(a.k, b.k) AS k, coalesce(a.offers_deposited, 0) AS offers_deposited,"
                + " coalesce(a.seats_deposited, 0) AS seats_deposited");
        for (String measure : CANDIDACY_MEASURES) {
            columns.add(measure);
            sql.append(", coalesce(b.").append(measure).append(", 0) AS ").append(measure);
            for (String priority : PRIORITIES) {
                String column = measure + "_" + priority.toLowerCase();
                columns.add(column);
                sql.append(", coalesce(b.").append(column).append(", 0) AS ").append(column);
            }
        }
        sql.append(" FROM offer_figures a FULL JOIN candidacy_figures b ON a.k = b.k)");
        // each month's figures, and everything up to its end (earlier months, before September included)
        sql.append(" SELECT months.k");
        for (String column : columns) {
            sql.append(", coalesce(sum(f.").append(column).append(") FILTER (WHERE f.k = months.k), 0) AS ").append(column)
                    .append(", coalesce(sum(f.").append(column).append("), 0) AS ").append(column).append("_cumulative");
        }
        return sql.append(" FROM months LEFT JOIN figures f ON f.k <= months.k GROUP BY months.k ORDER BY months.k").toString();
    }

    private static StatisticsRow monthRow(ResultSet rs) throws SQLException {
        return new StatisticsRow(rs.getString("k"), null,
                count(rs, "offers_deposited"), count(rs, "seats_deposited"), null,
                count(rs, "candidacies"), byPriority(rs, "candidacies", ""),
                count(rs, "pupils"), byPriority(rs, "pupils", ""),
                count(rs, "confirmed"), byPriority(rs, "confirmed", ""),
                count(rs, "completed"), byPriority(rs, "completed", ""),
                null, null, null, null,
                count(rs, "offers_deposited_cumulative"), count(rs, "seats_deposited_cumulative"),
                count(rs, "candidacies_cumulative"), byPriority(rs, "candidacies", "_cumulative"),
                count(rs, "pupils_cumulative"), byPriority(rs, "pupils", "_cumulative"),
                count(rs, "confirmed_cumulative"), byPriority(rs, "confirmed", "_cumulative"),
                count(rs, "completed_cumulative"), byPriority(rs, "completed", "_cumulative"));
    }

    // ---------------------------------------------------------------------------------------------- shared

    /**
     * The candidacies of the school year within the filters, with their offer ({@code o}): {@code p} the priority of
     * the pupil's school, {@code confirmed} whether it holds its seat, {@code state}, and the given columns.
     */
    private static String candidacies(Selection s, String columns, SqlConditions p) {
        String sql = "SELECT " + columns + ", c.pupil_id, c.school_priority AS p, c.state, c.state IN " + CONFIRMED
                + " AS confirmed FROM stat_candidacy c JOIN stat_offer o ON o.offer_id = c.offer_id WHERE c.school_year = ?";
        p.parameter(s.schoolYear());
        return sql + clause(p, c -> filters(c, s, s.bySchool() ? "c.school_department" : "o.department",
                s.bySchool() ? "c.school_academy" : "o.academy"));
    }

    /** The filters, the territory read from the given columns (the offer's, or the pupil's school's). */
    private static void filters(SqlConditions c, Selection s, String department, String academy) {
        c.equal("o.ministry_code", s.ministry()).equal("o.public_sector", s.publicSector())
                .equal(academy, s.academy()).equal(department, s.department());
        boolean departments = !s.territoryDepartments().isEmpty();
        if (departments && s.territoryAcademy() != null) {
            c.add("(" + department + " = ANY (?) OR " + academy + " = ?)", s.territoryDepartments(), s.territoryAcademy());
        } else if (departments) {
            c.add(department + " = ANY (?)", s.territoryDepartments());
        } else if (s.territoryAcademy() != null) {
            c.add(academy + " = ?", s.territoryAcademy());
        }
    }

    /** The conditions {@code adds} appends to {@code c} (its parameters stay in statement order). */
    private static String clause(SqlConditions c, Consumer<SqlConditions> adds) {
        int start = c.sql().length();
        adds.accept(c);
        return c.sql().substring(start);
    }

    private static Long count(ResultSet rs, String column) throws SQLException {
        Number value = (Number) rs.getObject(column);
        return value == null ? 0L : value.longValue();
    }

    private static ByPriority byPriority(ResultSet rs, String measure, String suffix) throws SQLException {
        return new ByPriority(count(rs, measure + "_rep_plus" + suffix), count(rs, measure + "_rep" + suffix),
                count(rs, measure + "_none" + suffix));
    }

    private static Double ratio(ResultSet rs, String column) throws SQLException {
        java.math.BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.doubleValue();
    }
}
