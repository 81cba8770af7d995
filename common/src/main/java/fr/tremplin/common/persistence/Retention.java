package fr.tremplin.common.persistence;

import fr.tremplin.common.events.OutboxConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Purges the rows every service keeps only for a while (docs/CONVENTIONS.md, "Retention"): published outbox events,
 * the consumers' processed event ids, and the answers kept for retried writes. Each purge is one DELETE by age, so
 * two instances running it at the same moment only do the same work twice.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);

    @ConfigMapping(prefix = "tremplin.retention")
    public interface Periods {
        /**
         * How long a consumer remembers an event id. Longer than the topics' retention (7 days), so that any event
         * Kafka can still redeliver is recognised.
         */
        @WithDefault("P30D")
        Duration processedEvents();

        /** How long a retried write with the same Idempotency-Key gets the first answer back. */
        @WithDefault("P1D")
        Duration idempotencyKeys();
    }

    private final AgroalDataSource dataSource;
    private final Periods periods;
    private final OutboxConfig outbox;

    public Retention(AgroalDataSource dataSource, Periods periods, OutboxConfig outbox) {
        this.dataSource = dataSource;
        this.periods = periods;
        this.outbox = outbox;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        purge(Instant.now());
    }

    /** Purges everything older than its period before {@code now}; returns how many rows went. */
    public int purge(Instant now) {
        int outboxRows = delete("DELETE FROM outbox_event WHERE published_at < ?", now.minus(outbox.retention()));
        int processed = delete("DELETE FROM processed_event WHERE processed_at < ?", now.minus(periods.processedEvents()));
        int keys = delete("DELETE FROM idempotency_key WHERE created_at < ?", now.minus(periods.idempotencyKeys()));
        if (outboxRows + processed + keys > 0) {
            LOG.infof("retention: purged %d published events, %d processed event ids, %d idempotency keys",
                    outboxRows, processed, keys);
        }
        return outboxRows + processed + keys;
    }

    private int delete(String sql, Instant before) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setTimestamp(1, Timestamp.from(before));
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("retention purge failed", e);
            }
        });
    }
}
