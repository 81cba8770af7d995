package fr.tremplin.common.problem;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request whose database connection the server's restart broke is told to come back (503 with Retry-After), not
 * that the service broke: bench/faults' PostgreSQL restart found 500s there (docs/RELIABILITY.md).
 */
class DatabaseUnavailableTest {

    @Test
    void a_connection_broken_by_a_database_restart_is_a_503_to_retry() {
        Response answer = new ProblemMappers().unexpected(new PersistenceException("JDBC exception executing SQL",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")));

        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeaderString("Retry-After")).isEqualTo("5");
    }

    @Test
    void a_database_still_starting_up_is_a_503_too_and_a_real_defect_stays_a_500() {
        assertThat(new ProblemMappers().unexpected(new PersistenceException("connect",
                new SQLException("FATAL: the database system is starting up", "57P03"))).getStatus()).isEqualTo(503);
        assertThat(new ProblemMappers().unexpected(new PersistenceException("bad SQL",
                new SQLException("relation \"nope\" does not exist", "42P01"))).getStatus()).isEqualTo(500);
    }
}
