package fr.tremplin.offers;

import fr.tremplin.common.events.OutboxConfig;
import fr.tremplin.common.persistence.Retention;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What offers-service keeps only for a while goes after its period: published outbox events after 7 days, processed
 * event ids after 30 days, the answers of retried writes after 1 day; and not one row sooner.
 */
@QuarkusTest
class RetentionTest {

    private static final Duration HOUR = Duration.ofHours(1);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Retention retention;
    @Inject
    OutboxConfig outbox;
    @Inject
    Retention.Periods periods;

    @Test
    void thePeriodsAreTheDocumentedOnes() {
        assertThat(outbox.retention()).isEqualTo(Duration.ofDays(7));
        assertThat(periods.processedEvents()).isEqualTo(Duration.ofDays(30));
        assertThat(periods.idempotencyKeys()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void purgeRemovesExactlyTheRowsOlderThanTheirPeriod() throws Exception {
        Instant now = Instant.now();
        UUID oldEvent = publishedEvent(now.minus(outbox.retention()).minus(HOUR));
        UUID recentEvent = publishedEvent(now.minus(outbox.retention()).plus(HOUR));
        String oldDelivery = processedEvent(now.minus(periods.processedEvents()).minus(HOUR));
        String recentDelivery = processedEvent(now.minus(periods.processedEvents()).plus(HOUR));
        String oldKey = idempotencyKey(now.minus(periods.idempotencyKeys()).minus(HOUR));
        String recentKey = idempotencyKey(now.minus(periods.idempotencyKeys()).plus(HOUR));

        assertThat(retention.purge(Instant.now())).isGreaterThanOrEqualTo(3);

        assertThat(exists("SELECT 1 FROM outbox_event WHERE id = ?", oldEvent)).isFalse();
        assertThat(exists("SELECT 1 FROM outbox_event WHERE id = ?", recentEvent)).isTrue();
        assertThat(exists("SELECT 1 FROM processed_event WHERE event_id = ?", oldDelivery)).isFalse();
        assertThat(exists("SELECT 1 FROM processed_event WHERE event_id = ?", recentDelivery)).isTrue();
        assertThat(exists("SELECT 1 FROM idempotency_key WHERE idem_key = ?", oldKey)).isFalse();
        assertThat(exists("SELECT 1 FROM idempotency_key WHERE idem_key = ?", recentKey)).isTrue();
        // A row made by hand, not an event the service wrote: out before DatabaseCleaner checks the outbox's events.
        update("DELETE FROM outbox_event WHERE id = ?", recentEvent);
    }

    private UUID publishedEvent(Instant publishedAt) throws SQLException {
        UUID id = UUID.randomUUID();
        update("INSERT INTO outbox_event (id, topic, message_key, type, subject, payload, created_at, published_at, attempts) "
                + "VALUES (?, 'tremplin.offers.v1', ?, 'offer.updated', ?, '{}'::jsonb, ?, ?, 1)",
                id, id.toString(), "offers/" + id, Timestamp.from(publishedAt.minusSeconds(1)), Timestamp.from(publishedAt));
        return id;
    }

    private String processedEvent(Instant processedAt) throws SQLException {
        String eventId = UUID.randomUUID().toString();
        update("INSERT INTO processed_event (consumer, event_id, processed_at) VALUES ('offers-service.applications', ?, ?)",
                eventId, Timestamp.from(processedAt));
        return eventId;
    }

    private String idempotencyKey(Instant createdAt) throws SQLException {
        String key = UUID.randomUUID().toString();
        update("INSERT INTO idempotency_key (caller, idem_key, fingerprint, status, location, body, created_at) "
                + "VALUES ('host-1', ?, 'fingerprint', 201, '/api/v1/offers/1', '{}', ?)", key, Timestamp.from(createdAt));
        return key;
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    private boolean exists(String sql, Object parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, parameter);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }
}
