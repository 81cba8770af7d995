package fr.tremplin.offers.repository;

import fr.tremplin.offers.api.SchoolPriorityChanged;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * The local copy of schools-service's priorities ({@code school_priority}): per school, REP+, REP or none, as last
 * heard. The search reads it to hide the {@code REP} offers from the pupils of other schools ({@link OfferSearch}).
 */
@ApplicationScoped
public class SchoolPriorityCopies {

    private final AgroalDataSource dataSource;

    public SchoolPriorityCopies(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Keeps the school's priority unless the copy already holds a later one (events may arrive out of order). */
    public void upsert(SchoolPriorityChanged change) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(
                     "INSERT INTO school_priority (uai, priority, department, as_of) VALUES (?, ?, ?, ?) "
                             + "ON CONFLICT (uai) DO UPDATE SET priority = excluded.priority, "
                             + "department = excluded.department, as_of = excluded.as_of "
                             + "WHERE school_priority.as_of <= excluded.as_of")) {
            upsert.setString(1, change.uai());
            upsert.setString(2, change.priority());
            upsert.setString(3, change.department());
            upsert.setTimestamp(4, Timestamp.from(change.asOf()));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not keep the priority of school " + change.uai(), e);
        }
    }
}
