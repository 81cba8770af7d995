package fr.tremplin.schools.service;

import fr.tremplin.schools.api.CandidacyState;
import fr.tremplin.schools.domain.Placement;
import fr.tremplin.schools.domain.Pupil;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Keeps each pupil's placement up to date from their candidacies: the last known state of every candidacy (an
 * older state arriving late never overwrites a newer one), from which {@link Placement#derive} gives the
 * placement. A candidacy of a pupil this service does not know (erased, or never enrolled here) is ignored.
 */
@ApplicationScoped
public class PlacementService {

    private final AgroalDataSource dataSource;

    public PlacementService(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Applies a candidacy's new state; returns the pupil's placement, or null when the pupil is unknown. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Placement apply(CandidacyState candidacy) {
        // the pupil's row is locked so that two candidacies of the same pupil are applied one after the other
        Pupil pupil = Pupil.findById(candidacy.pupilId(), LockModeType.PESSIMISTIC_WRITE);
        if (pupil == null) {
            return null;
        }
        try (Connection connection = dataSource.getConnection()) {
            record(connection, candidacy);
            Placement placement = Placement.derive(states(connection, pupil.id));
            if (pupil.placeAs(placement, candidacy.asOf())) {
                pupil.persist();
            }
            return placement;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record a candidacy state", e);
        }
    }

    private static void record(Connection connection, CandidacyState candidacy) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO pupil_application (application_id, pupil_id, week, state, as_of) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (application_id) DO UPDATE SET state = excluded.state, "
                        + "week = coalesce(excluded.week, pupil_application.week), as_of = excluded.as_of "
                        + "WHERE pupil_application.as_of <= excluded.as_of "
                        + "AND pupil_application.pupil_id = excluded.pupil_id")) {
            upsert.setObject(1, candidacy.applicationId());
            upsert.setObject(2, candidacy.pupilId());
            upsert.setString(3, candidacy.week());
            upsert.setString(4, candidacy.state());
            upsert.setTimestamp(5, Timestamp.from(candidacy.asOf()));
            upsert.executeUpdate();
        }
    }

    private static List<String> states(Connection connection, UUID pupilId) throws SQLException {
        List<String> states = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT state FROM pupil_application WHERE pupil_id = ?")) {
            select.setObject(1, pupilId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    states.add(rs.getString(1));
                }
            }
        }
        return states;
    }
}
