package fr.tremplin.common.audit;

import fr.tremplin.common.security.Caller;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Who did what, written in the transaction of the change. Never carries personal data in {@code detail}. */
@ApplicationScoped
public class AuditTrail {

    private final AgroalDataSource dataSource;

    public AuditTrail(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Caller caller, String action, String entityType, Object entityId, String detail) {
        record(caller.id(), caller.mainRole(), action, entityType, entityId, detail);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String role, String action, String entityType, Object entityId, String detail) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO audit_log (actor, actor_role, action, entity_type, entity_id, detail) "
                             + "VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, actor);
            insert.setString(2, role);
            insert.setString(3, action);
            insert.setString(4, entityType);
            insert.setString(5, String.valueOf(entityId));
            insert.setString(6, detail);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the audit trail", e);
        }
    }
}
