package fr.tremplin.offers.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tremplin.common.events.IncomingEvent;
import fr.tremplin.common.events.ProcessedEvents;
import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Keeps, per candidacy, its last known state from {@code tremplin.applications.v1}: the confirmed ones take a seat
 * of their week, so that the search only shows offers with a seat left. Redelivery and reordering change nothing.
 */
@ApplicationScoped
public class ApplicationEventsConsumer {

    private static final String CONSUMER = "offers-service.applications";

    private final ProcessedEvents processed;
    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    public ApplicationEventsConsumer(ProcessedEvents processed, AgroalDataSource dataSource, ObjectMapper mapper) {
        this.processed = processed;
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    @Incoming("applications")
    @Blocking
    @Transactional
    public void onApplicationEvent(ConsumerRecord<String, String> record) throws SQLException {
        IncomingEvent event = IncomingEvent.from(record, mapper);
        if (!processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        String applicationId = event.text("applicationId");
        String offerId = event.text("offerId");
        String week = event.text("week");
        String state = event.text("state");
        if (applicationId == null || offerId == null || week == null || state == null) {
            return; // agreement or other events without a seat to account for
        }
        Instant asOf = event.time() == null ? Instant.now() : event.time();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(
                     "INSERT INTO seat_booking (application_id, offer_id, week, state, as_of) VALUES (?, ?, ?, ?, ?) "
                             + "ON CONFLICT (application_id) DO UPDATE SET state = excluded.state, "
                             + "as_of = excluded.as_of WHERE seat_booking.as_of <= excluded.as_of")) {
            upsert.setObject(1, UUID.fromString(applicationId));
            upsert.setObject(2, UUID.fromString(offerId));
            upsert.setString(3, week);
            upsert.setString(4, state);
            upsert.setTimestamp(5, Timestamp.from(asOf));
            upsert.executeUpdate();
        } catch (IllegalArgumentException e) {
            throw new IncomingEvent.MalformedEventException("application event " + event.id() + ": " + e.getMessage());
        }
    }
}
