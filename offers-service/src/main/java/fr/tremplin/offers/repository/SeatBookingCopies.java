package fr.tremplin.offers.repository;

import fr.tremplin.offers.api.CandidacyStateChanged;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

/**
 * The local copy of applications-service's candidacies ({@code seat_booking}): per candidacy, its offer, week and
 * last known state. applications-service holds the authoritative seat ledger; this copy only decides what the search
 * shows ({@link SeatCounts}).
 */
@ApplicationScoped
public class SeatBookingCopies {

    private final AgroalDataSource dataSource;

    public SeatBookingCopies(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Keeps each candidacy's state unless the copy already holds a later one (events may arrive out of order), in one
     * statement batch: the upserts run in the list's order, one round trip for a consumer's poll.
     */
    public void upsertAll(List<CandidacyStateChanged> changes) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(
                     "INSERT INTO seat_booking (application_id, offer_id, week, state, as_of) VALUES (?, ?, ?, ?, ?) "
                             + "ON CONFLICT (application_id) DO UPDATE SET state = excluded.state, "
                             + "as_of = excluded.as_of WHERE seat_booking.as_of <= excluded.as_of")) {
            for (CandidacyStateChanged change : changes) {
                upsert.setObject(1, change.applicationId());
                upsert.setObject(2, change.offerId());
                upsert.setString(3, change.week());
                upsert.setString(4, change.state());
                upsert.setTimestamp(5, Timestamp.from(change.asOf()));
                upsert.addBatch();
            }
            upsert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not keep the seat bookings of " + changes.size() + " events", e);
        }
    }
}
