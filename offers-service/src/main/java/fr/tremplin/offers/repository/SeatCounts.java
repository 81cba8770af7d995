package fr.tremplin.offers.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Seats taken per week of an offer: candidacies confirmed, under agreement or completed. */
@ApplicationScoped
public class SeatCounts {

    public static final String TAKEN_STATES = "('CONFIRMED', 'AGREEMENT_SIGNED', 'COMPLETED')";

    /** SQL: the seats taken in week {@code week} of offer {@code offerId} (two SQL expressions of the caller's query). */
    public static String takenSql(String offerId, String week) {
        return "(SELECT count(*) FROM seat_booking b WHERE b.offer_id = " + offerId + " AND b.week = " + week
                + " AND b.state IN " + TAKEN_STATES + ")";
    }

    private final AgroalDataSource dataSource;

    public SeatCounts(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Map<String, Integer> takenByWeek(UUID offerId) {
        Map<String, Integer> taken = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT week, count(*) FROM seat_booking WHERE offer_id = ? AND state IN " + TAKEN_STATES
                             + " GROUP BY week")) {
            select.setObject(1, offerId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    taken.put(rs.getString(1), rs.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return taken;
    }
}
