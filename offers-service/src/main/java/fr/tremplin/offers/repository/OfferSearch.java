package fr.tremplin.offers.repository;

import fr.tremplin.common.sql.SqlConditions;
import fr.tremplin.common.web.Page;
import fr.tremplin.offers.api.OfferSummary;
import fr.tremplin.offers.api.OfferView;
import fr.tremplin.offers.domain.OfferKind;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The public search, in one SQL statement: published offers with a free seat in a coming week, filtered by
 * radius (GiST index on the geography), French full text (accent-insensitive, stemmed, title above description
 * above organisation), sector, weeks, ministry, département, sector kind, school year and kind (offer or
 * programme: a column of the offer row, no join); and, for a pupil,
 * the reservations that exclude them.
 */
@ApplicationScoped
public class OfferSearch {

    private final AgroalDataSource dataSource;

    public OfferSearch(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record Criteria(Double latitude, Double longitude, double radiusKm, String text, String sector,
                           List<String> weeks, String ministry, String department, Boolean publicSector,
                           String schoolYear, OfferKind kind, String pupilSchool, int page, int size) {
    }

    public Page<OfferSummary> search(Criteria criteria) {
        try (Connection connection = dataSource.getConnection()) {
            return search(connection, criteria);
        } catch (SQLException e) {
            throw new IllegalStateException("offer search failed", e);
        }
    }

    /** The search on a connection of the caller's (a test reads the connection's prepared statements after it). */
    Page<OfferSummary> search(Connection connection, Criteria criteria) throws SQLException {
        SqlConditions parameters = new SqlConditions();
        String sql = sql(criteria, parameters);
        List<OfferSummary> hits = new ArrayList<>(criteria.size());
        long total = 0;
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            parameters.bind(select);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Object distance = rs.getObject("distance_km");
                    hits.add(new OfferSummary(rs.getObject("id", UUID.class), rs.getString("title"),
                            rs.getString("sector_id"), rs.getString("sector_name"),
                            rs.getString("organisation_name"), rs.getBoolean("public_sector"),
                            rs.getString("ministry_code"), rs.getString("city"), rs.getString("zipcode"),
                            rs.getString("department"), rs.getDouble("latitude"), rs.getDouble("longitude"),
                            distance == null ? null : Math.round(((Number) distance).doubleValue() * 100) / 100.0,
                            rs.getString("reservation"), OfferKind.valueOf(rs.getString("kind")), weeks(rs)));
                    total = rs.getLong("total");
                }
            }
        }
        if (hits.isEmpty() && criteria.page() > 0) {
            total = count(connection, criteria);
        }
        return new Page<>(hits, criteria.page(), criteria.size(), total);
    }

    /** The coming weeks of a hit and their free seats, aggregated in the same statement (in start order). */
    private static List<OfferView.WeekView> weeks(ResultSet rs) throws SQLException {
        java.sql.Array weekArray = rs.getArray("weeks");
        if (weekArray == null) {
            return List.of();
        }
        String[] weeks = (String[]) weekArray.getArray();
        Number[] free = (Number[]) rs.getArray("free_seats").getArray();
        List<OfferView.WeekView> views = new ArrayList<>(weeks.length);
        for (int i = 0; i < weeks.length; i++) {
            views.add(new OfferView.WeekView(weeks[i], Math.max(0, free[i].intValue())));
        }
        return views;
    }

    /**
     * One round trip: the page of hits (inner query, on the indexes), then the sector's name and the coming weeks
     * with their free seats for those hits only.
     */
    private static String sql(Criteria c, SqlConditions parameters) {
        boolean around = c.latitude() != null;
        boolean text = c.text() != null;
        StringBuilder sql = new StringBuilder("SELECT h.*, s.name AS sector_name, w.weeks, w.free_seats FROM ("
                + "SELECT o.id, o.title, o.sector_id, o.organisation_name, o.public_sector, o.ministry_code, o.city, "
                + "o.zipcode, o.department, o.latitude, o.longitude, o.reservation, o.kind, o.capacity_per_week, o.updated_at, ");
        if (around) {
            sql.append("ST_Distance(o.location, p.point, false) / 1000.0 AS distance_km, ");
        } else {
            sql.append("NULL::float8 AS distance_km, ");
        }
        if (text) {
            sql.append("ts_rank(o.search_vector, q.query) AS rank, ");
        }
        sql.append("count(*) OVER () AS total").append(from(c, parameters));
        sql.append(around ? " ORDER BY distance_km, o.id" : text ? " ORDER BY rank DESC, o.id" : " ORDER BY o.updated_at DESC, o.id");
        sql.append(" LIMIT ? OFFSET ?) h");
        parameters.parameter(c.size()).parameter((long) c.page() * c.size());
        sql.append(" JOIN sector s ON s.id = h.sector_id CROSS JOIN LATERAL (SELECT"
                + " array_agg(w.week ORDER BY w.starts_on) AS weeks,"
                + " array_agg(h.capacity_per_week - " + SeatCounts.takenSql("h.id", "w.week")
                + " ORDER BY w.starts_on) AS free_seats"
                + " FROM offer_week w WHERE w.offer_id = h.id AND w.starts_on > current_date) w");
        sql.append(around ? " ORDER BY h.distance_km, h.id" : text ? " ORDER BY h.rank DESC, h.id" : " ORDER BY h.updated_at DESC, h.id");
        return sql.toString();
    }

    /** The FROM and WHERE clauses of the matching offers (point as {@code p}, text query as {@code q}). */
    private static String from(Criteria c, SqlConditions parameters) {
        boolean around = c.latitude() != null;
        boolean text = c.text() != null;
        StringBuilder sql = new StringBuilder(" FROM offer o");
        if (around) {
            // OFFSET 0 keeps the point out of the planner's sight, so every point gets the same plan and PostgreSQL
            // reuses it (a generic plan from the sixth execution). A point it can see made it plan each search
            // anew, for the same plan: 0.5-0.7 ms of planning a search against 0.04 ms (docs/BENCHMARKS.md)
            sql.append(" CROSS JOIN (SELECT ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography AS point OFFSET 0) p");
            parameters.parameter(c.longitude()).parameter(c.latitude());
        }
        if (text) {
            sql.append(" CROSS JOIN (SELECT websearch_to_tsquery('tremplin_fr', ?) AS query) q");
            parameters.parameter(c.text());
        }
        return sql.append(where(c, parameters, around, text)).toString();
    }

    /** Adds the conditions to {@code conditions} and returns the WHERE clause. */
    private static String where(Criteria c, SqlConditions conditions, boolean around, boolean text) {
        if (around) {
            // on the sphere: within 0.5 % of the spheroid at these distances, and markedly cheaper per candidate
            conditions.add("ST_DWithin(o.location, p.point, ?, false)", c.radiusKm() * 1000.0);
        }
        if (text) {
            conditions.add("o.search_vector @@ q.query");
        }
        conditions.equal("o.sector_id", c.sector())
                .equal("o.ministry_code", c.ministry())
                .equal("o.department", c.department())
                .equal("o.public_sector", c.publicSector())
                .equal("o.school_year", c.schoolYear())
                .equal("o.kind", c.kind() == null ? null : c.kind().name());
        if (c.pupilSchool() != null) {
            // the school's priority as last heard from schools-service; an unknown school is neither REP nor REP+
            conditions.add("(o.reservation = 'NONE' OR (o.reservation = 'REP' AND EXISTS (SELECT 1 FROM school_priority sp"
                    + " WHERE sp.uai = ? AND sp.priority <> 'NONE')) OR (o.reservation = 'SCHOOL' AND o.reserved_school_uai = ?))",
                    c.pupilSchool(), c.pupilSchool());
        }
        // a seat still free in a week that has not started (and is among the weeks asked for)
        boolean anyWeek = c.weeks().isEmpty();
        conditions.add("EXISTS (SELECT 1 FROM offer_week w WHERE w.offer_id = o.id AND w.starts_on > current_date"
                + (anyWeek ? "" : " AND w.week = ANY (?)") + " AND " + SeatCounts.takenSql("o.id", "w.week")
                + " < o.capacity_per_week)", anyWeek ? new Object[0] : new Object[] {c.weeks()});
        return " WHERE o.status = 'PUBLISHED'" + conditions.sql();
    }

    private long count(Connection connection, Criteria c) throws SQLException {
        SqlConditions parameters = new SqlConditions();
        String sql = "SELECT count(*)" + from(c, parameters);
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            parameters.bind(select);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

}
