package fr.tremplin.schools.repository;

import fr.tremplin.schools.domain.Placement;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** What erased pupils leave behind: a count per school, school year and last placement, and nothing else. */
@ApplicationScoped
public class AnonymousCounts {

    private final AgroalDataSource dataSource;

    public AnonymousCounts(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String uai, String schoolYear, Placement placement, int pupils) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(
                     "INSERT INTO anonymous_pupil_count (uai, school_year, placement, pupils) VALUES (?, ?, ?, ?) "
                             + "ON CONFLICT (uai, school_year, placement) "
                             + "DO UPDATE SET pupils = anonymous_pupil_count.pupils + excluded.pupils")) {
            upsert.setString(1, uai);
            upsert.setString(2, schoolYear);
            upsert.setString(3, placement.name());
            upsert.setInt(4, pupils);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not count an erased pupil", e);
        }
    }
}
