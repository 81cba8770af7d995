package fr.tremplin.applications.events;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Writes a row of a queue that no entity maps (webhook deliveries, emails) on the transaction's own connection, as
 * tremplin-common's {@code Outbox} does. Not a Hibernate native query: before one, Hibernate flushes the whole
 * persistence context (every entity of the transaction checked, pending ones written), since it cannot know which
 * tables the SQL reads; a transition wrote one or two such rows, each paying for a flush (7.6 % of the service's
 * samples in the campaign's profile, docs/BENCHMARKS.md). The queues have no foreign key to the entities' tables, so
 * the entities may be written after them, at the commit.
 */
@ApplicationScoped
class QueueRows {

    private final AgroalDataSource dataSource;

    QueueRows(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code sql}, whose result is one number (rows written), with {@code parameters} bound in order. */
    @Transactional(Transactional.TxType.MANDATORY)
    long write(String sql, Object... parameters) {
        // Agroal hands the transaction's own connection back: the row commits or rolls back with the change
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not write a queue row", e);
        }
    }
}
