package fr.tremplin.schools.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw material of a bassin's week-by-week overview: which of its schools declared which week of a school
 * year, and how many of its pupils' internships are secured (confirmed, agreement signed or completed) per week.
 */
@ApplicationScoped
public class BassinLoad {

    private final AgroalDataSource dataSource;

    public BassinLoad(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record DeclaredWeek(String uai, String week, LocalDate startsOn) {
    }

    public List<DeclaredWeek> declaredWeeks(String bassinId, String schoolYear) {
        List<DeclaredWeek> weeks = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT w.uai, w.week, w.starts_on FROM school_week w JOIN school s ON s.uai = w.uai "
                             + "WHERE s.bassin_id = ? AND w.school_year = ? ORDER BY w.starts_on, w.uai")) {
            select.setString(1, bassinId);
            select.setString(2, schoolYear);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    weeks.add(new DeclaredWeek(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("bassin weeks failed", e);
        }
        return weeks;
    }

    /** Secured internships of the bassin's pupils of that school year, per ISO week. */
    public Map<String, Long> securedInternshipsByWeek(String bassinId, String schoolYear) {
        Map<String, Long> byWeek = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT a.week, count(*) FROM pupil_application a JOIN pupil p ON p.id = a.pupil_id "
                             + "JOIN school s ON s.uai = p.uai WHERE s.bassin_id = ? AND p.school_year = ? "
                             + "AND a.week IS NOT NULL AND a.state IN ('CONFIRMED', 'AGREEMENT_SIGNED', 'COMPLETED') "
                             + "GROUP BY a.week")) {
            select.setString(1, bassinId);
            select.setString(2, schoolYear);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    byWeek.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("bassin internships failed", e);
        }
        return byWeek;
    }
}
