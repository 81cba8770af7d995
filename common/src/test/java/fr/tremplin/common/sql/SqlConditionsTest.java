package fr.tremplin.common.sql;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class SqlConditionsTest {

    private static final ClassLoader LOADER = SqlConditionsTest.class.getClassLoader();

    /** What a statement was given, by parameter index: enough to see the binding without a database. */
    private static Map<Integer, Object> bound(SqlConditions conditions) throws SQLException {
        Map<Integer, Object> values = new TreeMap<>();
        Connection connection = (Connection) Proxy.newProxyInstance(LOADER,
                new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("createArrayOf")) {
                        return Proxy.newProxyInstance(LOADER, new Class<?>[]{Array.class},
                                (p, m, a) -> m.getName().equals("getArray") ? args[1] : null);
                    }
                    return null;
                });
        PreparedStatement statement = (PreparedStatement) Proxy.newProxyInstance(LOADER,
                new Class<?>[]{PreparedStatement.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "setObject" -> values.put((Integer) args[0], args[1]);
                    case "setArray" -> values.put((Integer) args[0], List.of((Object[]) ((Array) args[1]).getArray()));
                    case "getConnection" -> connection;
                    default -> null;
                });
        conditions.bind(statement);
        return values;
    }

    @Test
    void a_filter_left_out_adds_nothing_and_the_others_keep_their_order() throws SQLException {
        SqlConditions conditions = new SqlConditions()
                .equal("o.sector_id", "s1")
                .equal("o.ministry", null)
                .add("o.department = ANY (?)", List.of("59", "2A"))
                .parameter(20);
        assertThat(conditions.sql()).isEqualTo(" AND o.sector_id = ? AND o.department = ANY (?)");
        assertThat(bound(conditions)).containsExactly(Map.entry(1, "s1"), Map.entry(2, List.of("59", "2A")),
                Map.entry(3, 20));
    }

    @Test
    void no_filter_no_condition() throws SQLException {
        SqlConditions conditions = new SqlConditions().equal("a", null);
        assertThat(conditions.sql()).isEmpty();
        assertThat(bound(conditions)).isEmpty();
    }

    @Test
    void a_null_given_explicitly_is_bound_as_sql_null() throws SQLException {
        SqlConditions conditions = new SqlConditions().add("(? IS NULL OR x = ?)", null, null);
        assertThat(bound(conditions)).hasSize(2).containsEntry(1, null).containsEntry(2, null);
    }
}
