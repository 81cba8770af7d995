package fr.tremplin.schools.repository;

import fr.tremplin.common.sql.SqlConditions;
import fr.tremplin.common.web.Page;
import fr.tremplin.schools.api.Figures;
import fr.tremplin.schools.domain.Priority;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Placement figures per school and school year, for the territory and the school's own summary: the pupils
 * enrolled plus those erased (anonymous counts), by placement. Never a name, never a pupil id. One page of
 * schools is chosen first, then only its figures are counted (index on pupil (uai, school_year, placement)).
 */
@ApplicationScoped
public class PlacementFigures {

    private final AgroalDataSource dataSource;

    public PlacementFigures(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Which schools: the caller's territory (any of its parts) narrowed by the request's filters. */
    public record SchoolFilter(Territory territory, String uai, String department, String academy, String bassin,
                               Priority priority) {
    }

    /** A territorial referent's reach; null for an admin (everything). */
    public record Territory(List<String> departments, String academy, String bassin) {
    }

    public Page<Figures> bySchool(SchoolFilter filter, String schoolYear, int page, int size) {
        SqlConditions conditions = where(filter);
        StringBuilder sql = new StringBuilder("WITH chosen AS (SELECT s.uai, s.name, s.priority, s.department_code, "
                + "s.academy_code, s.bassin_id, s.third_year_pupils, count(*) OVER () AS total FROM school s WHERE true");
        sql.append(conditions.sql());
        sql.append(" ORDER BY s.name, s.uai LIMIT ? OFFSET ?) ");
        conditions.parameter(size).parameter((long) page * size);
        sql.append("SELECT c.*, coalesce(f.pupils, 0) AS pupils, coalesce(f.no_application, 0) AS no_application, "
                + "coalesce(f.applied, 0) AS applied, coalesce(f.accepted, 0) AS accepted, "
                + "coalesce(f.confirmed, 0) AS confirmed, coalesce(f.completed, 0) AS completed FROM chosen c "
                + "LEFT JOIN LATERAL (SELECT sum(n) AS pupils, "
                + "sum(n) FILTER (WHERE placement = 'NO_APPLICATION') AS no_application, "
                + "sum(n) FILTER (WHERE placement = 'APPLIED') AS applied, "
                + "sum(n) FILTER (WHERE placement = 'ACCEPTED') AS accepted, "
                + "sum(n) FILTER (WHERE placement = 'CONFIRMED') AS confirmed, "
                + "sum(n) FILTER (WHERE placement = 'COMPLETED') AS completed FROM ("
                + "SELECT p.placement, count(*) AS n FROM pupil p WHERE p.uai = c.uai AND p.school_year = ? "
                + "GROUP BY p.placement UNION ALL SELECT a.placement, a.pupils FROM anonymous_pupil_count a "
                + "WHERE a.uai = c.uai AND a.school_year = ?) counted) f ON true ORDER BY c.name, c.uai");
        conditions.parameter(schoolYear).parameter(schoolYear);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql.toString())) {
            conditions.bind(select);
            List<Figures> items = new ArrayList<>();
            long total = 0;
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long confirmed = rs.getLong("confirmed");
                    long completed = rs.getLong("completed");
                    items.add(new Figures(rs.getString("uai"), rs.getString("name"),
                            Priority.valueOf(rs.getString("priority")), rs.getString("department_code"),
                            rs.getString("academy_code"), rs.getString("bassin_id"),
                            (Integer) rs.getObject("third_year_pupils"), rs.getLong("pupils"),
                            rs.getLong("no_application"), rs.getLong("applied"), rs.getLong("accepted"), confirmed,
                            completed, confirmed + completed));
                    total = rs.getLong("total");
                }
            }
            if (items.isEmpty() && page > 0) {
                total = count(connection, filter);
            }
            return new Page<>(items, page, size, total);
        } catch (SQLException e) {
            throw new IllegalStateException("placement figures failed", e);
        }
    }

    private static SqlConditions where(SchoolFilter filter) {
        SqlConditions conditions = new SqlConditions();
        Territory territory = filter.territory();
        if (territory != null) {
            conditions.add("(s.department_code = ANY (?) OR s.academy_code = ? OR s.bassin_id = ?)",
                    territory.departments(), territory.academy(), territory.bassin());
        }
        return conditions.equal("s.uai", filter.uai())
                .equal("s.department_code", filter.department())
                .equal("s.academy_code", filter.academy())
                .equal("s.bassin_id", filter.bassin())
                .equal("s.priority", filter.priority() == null ? null : filter.priority().name());
    }

    private long count(Connection connection, SchoolFilter filter) throws SQLException {
        SqlConditions conditions = where(filter);
        try (PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM school s WHERE true"
                + conditions.sql())) {
            conditions.bind(select);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
