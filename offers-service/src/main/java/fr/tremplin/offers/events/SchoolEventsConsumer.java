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

/**
 * Learns each school's priority (REP+, REP or none) from {@code tremplin.schools.v1}, so that a pupil's search
 * hides the offers reserved to others. Idempotent, and an older event never overwrites a newer one.
 */
@ApplicationScoped
public class SchoolEventsConsumer {

    private static final String CONSUMER = "offers-service.schools";

    private final ProcessedEvents processed;
    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    public SchoolEventsConsumer(ProcessedEvents processed, AgroalDataSource dataSource, ObjectMapper mapper) {
        this.processed = processed;
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    @Incoming("schools")
    @Blocking
    @Transactional
    public void onSchoolEvent(ConsumerRecord<String, String> record) throws SQLException {
        IncomingEvent event = IncomingEvent.from(record, mapper);
        if (!event.type().startsWith("school.") || !processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        String uai = event.text("uai") != null ? event.text("uai") : event.key();
        String priority = event.text("priority");
        if (uai == null || priority == null) {
            throw new IncomingEvent.MalformedEventException("school event " + event.id() + " has no uai or priority");
        }
        Instant asOf = event.time() == null ? Instant.now() : event.time();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(
                     "INSERT INTO school_priority (uai, priority, department, as_of) VALUES (?, ?, ?, ?) "
                             + "ON CONFLICT (uai) DO UPDATE SET priority = excluded.priority, "
                             + "department = excluded.department, as_of = excluded.as_of "
                             + "WHERE school_priority.as_of <= excluded.as_of")) {
            upsert.setString(1, uai);
            upsert.setString(2, priority);
            upsert.setString(3, event.text("department"));
            upsert.setTimestamp(4, Timestamp.from(asOf));
            upsert.executeUpdate();
        }
    }
}
