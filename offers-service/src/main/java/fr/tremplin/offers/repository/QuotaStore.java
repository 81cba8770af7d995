package fr.tremplin.offers.repository;

import fr.tremplin.common.web.Page;
import fr.tremplin.common.web.PageParams;
import fr.tremplin.offers.domain.Quota;
import fr.tremplin.offers.domain.QuotaChange;
import fr.tremplin.offers.domain.QuotaReach;
import fr.tremplin.offers.domain.QuotaScope;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tables {@code quota} and {@code quota_change}, in SQL: a creation is an {@code INSERT ... ON CONFLICT DO NOTHING}
 * and a change starts with {@code SELECT ... FOR UPDATE}, so that two admins writing the same target at once are
 * decided by PostgreSQL (one creates, the other finds the row and is judged by its version), never by a 500.
 * Every method runs in the caller's transaction.
 */
@ApplicationScoped
public class QuotaStore {

    private static final String COLUMNS = "school_year, scope, code, deposited, completed, version, updated_at, updated_by";
    private static final String KEY = "school_year = ? AND scope = ? AND code = ?";

    private final AgroalDataSource dataSource;

    public QuotaStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Quota> find(String schoolYear, QuotaScope scope, String code) {
        return one("SELECT " + COLUMNS + " FROM quota WHERE " + KEY, schoolYear, scope, code);
    }

    /** The target, locked until the end of the transaction (a concurrent change waits for this one). */
    public Optional<Quota> lock(String schoolYear, QuotaScope scope, String code) {
        return one("SELECT " + COLUMNS + " FROM quota WHERE " + KEY + " FOR UPDATE", schoolYear, scope, code);
    }

    /** Creates the target at version 0; empty when it exists already (a concurrent creation committed first). */
    public Optional<Quota> createIfAbsent(String schoolYear, QuotaScope scope, String code, int deposited,
                                          int completed, String by) {
        String sql = "INSERT INTO quota (school_year, scope, code, deposited, completed, version, updated_by, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, 0, ?, now()) ON CONFLICT (school_year, scope, code) DO NOTHING RETURNING " + COLUMNS;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(sql)) {
            key(insert, schoolYear, scope, code);
            insert.setInt(4, deposited);
            insert.setInt(5, completed);
            insert.setString(6, by);
            try (ResultSet rs = insert.executeQuery()) {
                return rs.next() ? Optional.of(quota(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create quota " + schoolYear + "/" + scope + "/" + code, e);
        }
    }

    /** Sets new targets on a locked target and moves it to the next version. */
    public Quota change(Quota current, int deposited, int completed, String by) {
        String sql = "UPDATE quota SET deposited = ?, completed = ?, version = version + 1, updated_by = ?, "
                + "updated_at = now() WHERE " + KEY + " RETURNING " + COLUMNS;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(sql)) {
            update.setInt(1, deposited);
            update.setInt(2, completed);
            update.setString(3, by);
            update.setString(4, current.schoolYear());
            update.setString(5, current.scope().name());
            update.setString(6, current.code());
            try (ResultSet rs = update.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("quota vanished while locked: " + current);
                }
                return quota(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not change quota " + current.schoolYear() + "/" + current.scope()
                    + "/" + current.code(), e);
        }
    }

    /** Records a change in {@code quota_change}: {@code before} is null for a creation. */
    public void recordChange(Quota before, Quota after) {
        String sql = "INSERT INTO quota_change (school_year, scope, code, changed_by, changed_at, deposited_before, "
                + "completed_before, deposited_after, completed_after, version_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(sql)) {
            key(insert, after.schoolYear(), after.scope(), after.code());
            insert.setString(4, after.updatedBy());
            insert.setObject(5, java.sql.Timestamp.from(after.updatedAt()));
            insert.setObject(6, before == null ? null : before.deposited(), java.sql.Types.INTEGER);
            insert.setObject(7, before == null ? null : before.completed(), java.sql.Types.INTEGER);
            insert.setInt(8, after.deposited());
            insert.setInt(9, after.completed());
            insert.setInt(10, after.version());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the change of a quota", e);
        }
    }

    /** The targets of a school year the reach admits, optionally of one scope, ordered by scope then code. */
    public Page<Quota> list(String schoolYear, QuotaScope scope, QuotaReach reach, PageParams page) {
        StringBuilder where = new StringBuilder("school_year = ?");
        List<Object> parameters = new ArrayList<>(List.of(schoolYear));
        if (scope != null) {
            where.append(" AND scope = ?");
            parameters.add(scope.name());
        }
        if (!reach.everything()) {
            List<String> admitted = new ArrayList<>();
            if (!reach.wholeScopes().isEmpty()) {
                admitted.add("scope = ANY(?)");
                parameters.add(reach.wholeScopes().stream().map(Enum::name).toArray(String[]::new));
            }
            for (Map.Entry<QuotaScope, Set<String>> codes : reach.codes().entrySet()) {
                if (!codes.getValue().isEmpty()) {
                    admitted.add("(scope = ? AND code = ANY(?))");
                    parameters.add(codes.getKey().name());
                    parameters.add(codes.getValue().toArray(String[]::new));
                }
            }
            where.append(" AND (").append(admitted.isEmpty() ? "false" : String.join(" OR ", admitted)).append(')');
        }
        // the scopes in the order of the enum (NATIONAL first), then the codes
        String order = " ORDER BY array_position(ARRAY['NATIONAL','MINISTRY','ACADEMY','DEPARTMENT','SECTOR'], scope), code";
        String sql = "SELECT " + COLUMNS + ", count(*) OVER () AS total FROM quota WHERE " + where + order
                + " LIMIT ? OFFSET ?";
        List<Quota> items = new ArrayList<>();
        long total = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            int i = bind(connection, select, parameters);
            select.setInt(i++, page.size);
            select.setInt(i, page.offset());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    items.add(quota(rs));
                    total = rs.getLong("total");
                }
            }
            if (items.isEmpty() && page.page > 0) {
                total = count(connection, "SELECT count(*) FROM quota WHERE " + where, parameters);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not list quotas", e);
        }
        return new Page<>(items, page.page, page.size, total);
    }

    /** The changes of one target, newest first. */
    public Page<QuotaChange> history(String schoolYear, QuotaScope scope, String code, PageParams page) {
        String sql = "SELECT changed_by, changed_at, deposited_before, completed_before, deposited_after, "
                + "completed_after, version_after, count(*) OVER () AS total FROM quota_change WHERE " + KEY
                + " ORDER BY id DESC LIMIT ? OFFSET ?";
        List<QuotaChange> items = new ArrayList<>();
        long total = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            key(select, schoolYear, scope, code);
            select.setInt(4, page.size);
            select.setInt(5, page.offset());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    items.add(new QuotaChange(rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant(),
                            (Integer) rs.getObject("deposited_before"), (Integer) rs.getObject("completed_before"),
                            rs.getInt("deposited_after"), rs.getInt("completed_after"), rs.getInt("version_after")));
                    total = rs.getLong("total");
                }
            }
            if (items.isEmpty() && page.page > 0) {
                total = count(connection, "SELECT count(*) FROM quota_change WHERE " + KEY,
                        List.of(schoolYear, scope.name(), code));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the history of a quota", e);
        }
        return new Page<>(items, page.page, page.size, total);
    }

    private Optional<Quota> one(String sql, String schoolYear, QuotaScope scope, String code) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            key(select, schoolYear, scope, code);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(quota(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read quota " + schoolYear + "/" + scope + "/" + code, e);
        }
    }

    private static long count(Connection connection, String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            bind(connection, select, parameters);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Binds the parameters from index 1; returns the next free index. */
    private static int bind(Connection connection, PreparedStatement statement, List<Object> parameters)
            throws SQLException {
        int i = 1;
        for (Object parameter : parameters) {
            if (parameter instanceof String[] array) {
                statement.setArray(i++, connection.createArrayOf("text", array));
            } else {
                statement.setObject(i++, parameter);
            }
        }
        return i;
    }

    private static void key(PreparedStatement statement, String schoolYear, QuotaScope scope, String code)
            throws SQLException {
        statement.setString(1, schoolYear);
        statement.setString(2, scope.name());
        statement.setString(3, code);
    }

    private static Quota quota(ResultSet rs) throws SQLException {
        return new Quota(rs.getString("school_year"), QuotaScope.valueOf(rs.getString("scope")), rs.getString("code"),
                rs.getInt("deposited"), rs.getInt("completed"), rs.getInt("version"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }
}
