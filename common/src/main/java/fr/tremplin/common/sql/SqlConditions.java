package fr.tremplin.common.sql;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The optional filters of a search, written once: each condition joins the WHERE clause with its parameters,
 * a filter the caller left out adds nothing. Lists are bound as SQL arrays (for {@code = ANY (?)}).
 */
public final class SqlConditions {

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    /** Adds {@code AND column = ?} when the value is given. */
    public SqlConditions equal(String column, Object value) {
        return value == null ? this : add(column + " = ?", value);
    }

    /** Adds {@code AND <condition>} with its parameters, in order. */
    public SqlConditions add(String condition, Object... values) {
        sql.append(" AND ").append(condition);
        parameters.addAll(Arrays.asList(values)); // a null parameter is a legitimate SQL NULL
        return this;
    }

    /** A parameter that belongs to another part of the statement (a join, LIMIT...), kept in statement order. */
    public SqlConditions parameter(Object value) {
        parameters.add(value);
        return this;
    }

    /** The conditions, each preceded by " AND ". */
    public String sql() {
        return sql.toString();
    }

    public void bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof List<?> list) {
                statement.setArray(i + 1, statement.getConnection().createArrayOf("varchar", list.toArray()));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }
}
