package fr.tremplin.offers.repository;

import fr.tremplin.common.web.Page;
import fr.tremplin.offers.rest.OfferSummary;
import fr.tremplin.offers.rest.OfferView;
import fr.tremplin.common.sql.SqlConditions;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The public search, in one SQL statement: published offers with a free seat in a coming week, filtered by
 * radius (GiST index on the geography), French full text (accent-insensitive, stemmed, title above description
 * above organisation), sector, weeks, ministry, département, sector kind and school year; and, for a pupil,
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
                           String schoolYear, PupilScope pupil, int page, int size) {
    }

    /** The school of the pupil searching, and whether it is REP / REP+ (null: not a pupil). */
    public record PupilScope(String schoolUai, boolean priorityEducation) {
    }

    public Page<OfferSummary> search(Criteria criteria) {
        SqlConditions parameters = new SqlConditions();
        String sql = sql(criteria, parameters);
        try (Connection connection = dataSource.getConnection()) {
            Map<UUID, OfferSummary> hits = new LinkedHashMap<>();
            long total = 0;
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                parameters.bind(select);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        UUID id = rs.getObject("id", UUID.class);
                        Object distance = rs.getObject("distance_km");
                        hits.put(id, new OfferSummary(id, rs.getString("title"), rs.getString("sector_id"),
                                rs.getString("sector_name"), rs.getString("organisation_name"),
                                rs.getBoolean("public_sector"), rs.getString("ministry_code"), rs.getString("city"),
                                rs.getString("zipcode"), rs.getString("department"), rs.getDouble("latitude"),
                                rs.getDouble("longitude"),
                                distance == null ? null : Math.round(((Number) distance).doubleValue() * 100) / 100.0,
                                rs.getString("reservation"), new ArrayList<>()));
                        total = rs.getLong("total");
                    }
                }
            }
            if (hits.isEmpty() && criteria.page() > 0) {
                total = count(connection, criteria);
            }
            addWeeks(connection, hits);
            return new Page<>(List.copyOf(hits.values()), criteria.page(), criteria.size(), total);
        } catch (SQLException e) {
            throw new IllegalStateException("offer search failed", e);
        }
    }

    private static String sql(Criteria c, SqlConditions parameters) {
        boolean around = c.latitude() != null;
        boolean text = c.text() != null;
        StringBuilder sql = new StringBuilder("SELECT o.id, o.title, o.sector_id, s.name AS sector_name, "
                + "o.organisation_name, o.public_sector, o.ministry_code, o.city, o.zipcode, o.department, "
                + "o.latitude, o.longitude, o.reservation, ");
        if (around) {
            sql.append("ST_Distance(o.location, p.point) / 1000.0 AS distance_km, ");
        } else {
            sql.append("NULL AS distance_km, ");
        }
        if (text) {
            sql.append("ts_rank(o.search_vector, q.query) AS rank, ");
        }
        sql.append("count(*) OVER () AS total FROM offer o JOIN sector s ON s.id = o.sector_id");
        if (around) {
            sql.append(" CROSS JOIN (SELECT ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography AS point) p");
            parameters.parameter(c.longitude()).parameter(c.latitude());
        }
        if (text) {
            sql.append(" CROSS JOIN (SELECT websearch_to_tsquery('tremplin_fr', ?) AS query) q");
            parameters.parameter(c.text());
        }
        sql.append(where(c, parameters, around, text));
        sql.append(around ? " ORDER BY distance_km, o.id" : text ? " ORDER BY rank DESC, o.id" : " ORDER BY o.updated_at DESC, o.id");
        sql.append(" LIMIT ? OFFSET ?");
        parameters.parameter(c.size()).parameter((long) c.page() * c.size());
        return sql.toString();
    }

    /** Adds the conditions to {@code conditions} and returns the WHERE clause. */
    private static String where(Criteria c, SqlConditions conditions, boolean around, boolean text) {
        if (around) {
            conditions.add("ST_DWithin(o.location, p.point, ?)", c.radiusKm() * 1000.0);
        }
        if (text) {
            conditions.add("o.search_vector @@ q.query");
        }
        conditions.equal("o.sector_id", c.sector())
                .equal("o.ministry_code", c.ministry())
                .equal("o.department", c.department())
                .equal("o.public_sector", c.publicSector())
                .equal("o.school_year", c.schoolYear());
        if (c.pupil() != null) {
            conditions.add("(o.reservation = 'NONE' OR (o.reservation = 'REP' AND ?)"
                    + " OR (o.reservation = 'SCHOOL' AND o.reserved_school_uai = ?))",
                    c.pupil().priorityEducation(), c.pupil().schoolUai());
        }
        // a seat still free in a week that has not started (and is among the weeks asked for)
        String takenSeats = "(SELECT count(*) FROM seat_booking b WHERE b.offer_id = o.id AND b.week = w.week"
                + " AND b.state IN " + SeatCounts.TAKEN_STATES + ") < o.capacity_per_week";
        if (c.weeks().isEmpty()) {
            conditions.add("EXISTS (SELECT 1 FROM offer_week w WHERE w.offer_id = o.id AND w.starts_on > current_date"
                    + " AND " + takenSeats + ")");
        } else {
            conditions.add("EXISTS (SELECT 1 FROM offer_week w WHERE w.offer_id = o.id AND w.starts_on > current_date"
                    + " AND w.week = ANY (?) AND " + takenSeats + ")", c.weeks());
        }
        return " WHERE o.status = 'PUBLISHED'" + conditions.sql();
    }

    private long count(Connection connection, Criteria c) throws SQLException {
        SqlConditions parameters = new SqlConditions();
        StringBuilder sql = new StringBuilder("SELECT count(*) FROM offer o");
        if (c.latitude() != null) {
            sql.append(" CROSS JOIN (SELECT ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography AS point) p");
            parameters.parameter(c.longitude()).parameter(c.latitude());
        }
        if (c.text() != null) {
            sql.append(" CROSS JOIN (SELECT websearch_to_tsquery('tremplin_fr', ?) AS query) q");
            parameters.parameter(c.text());
        }
        sql.append(where(c, parameters, c.latitude() != null, c.text() != null));
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            parameters.bind(select);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void addWeeks(Connection connection, Map<UUID, OfferSummary> hits) throws SQLException {
        if (hits.isEmpty()) {
            return;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT w.offer_id, w.week, o.capacity_per_week - (SELECT count(*) FROM seat_booking b"
                        + " WHERE b.offer_id = w.offer_id AND b.week = w.week AND b.state IN " + SeatCounts.TAKEN_STATES
                        + ") AS free FROM offer_week w JOIN offer o ON o.id = w.offer_id"
                        + " WHERE w.offer_id = ANY (?) AND w.starts_on > current_date ORDER BY w.starts_on")) {
            select.setArray(1, connection.createArrayOf("uuid", hits.keySet().toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    hits.get(rs.getObject(1, UUID.class)).weeks()
                            .add(new OfferView.WeekView(rs.getString(2), Math.max(0, rs.getInt(3))));
                }
            }
        }
    }

    /** The priority of a school as last heard from schools-service; unknown schools count as neither REP nor REP+. */
    public boolean isPriorityEducation(String uai) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT priority FROM school_priority WHERE uai = ?")) {
            select.setString(1, uai);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() && !"NONE".equals(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

}
