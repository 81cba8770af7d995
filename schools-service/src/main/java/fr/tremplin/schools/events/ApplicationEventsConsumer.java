package fr.tremplin.schools.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tremplin.common.events.IncomingEvent;
import fr.tremplin.common.events.ProcessedEvents;
import fr.tremplin.schools.domain.Placement;
import fr.tremplin.schools.service.PlacementService.CandidacyState;
import fr.tremplin.schools.service.PlacementService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Reads {@code tremplin.applications.v1} (group {@code schools-service}) to keep each pupil's placement. The
 * event id is recorded with the effect, so a redelivery changes nothing; an unreadable event goes to the
 * dead-letter topic and the partition moves on.
 */
@ApplicationScoped
public class ApplicationEventsConsumer {

    static final String CONSUMER = "schools-service.applications";
    private static final Logger LOG = Logger.getLogger(ApplicationEventsConsumer.class);

    private final ProcessedEvents processed;
    private final PlacementService placements;
    private final ObjectMapper mapper;

    public ApplicationEventsConsumer(ProcessedEvents processed, PlacementService placements, ObjectMapper mapper) {
        this.processed = processed;
        this.placements = placements;
        this.mapper = mapper;
    }

    @Incoming("applications")
    @Blocking
    @Transactional
    public void onApplicationEvent(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record, mapper);
        if (!processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        String state = event.text("state");
        String pupilId = event.text("pupilId");
        String applicationId = event.text("applicationId");
        if (state == null || pupilId == null || applicationId == null) {
            throw new IncomingEvent.MalformedEventException("application event " + event.id()
                    + " lacks applicationId, pupilId or state");
        }
        CandidacyState candidacy = new CandidacyState(uuid(applicationId, event), uuid(pupilId, event),
                event.text("week"), state, asOf(event));
        Placement placement = placements.apply(candidacy);
        if (placement == null) {
            LOG.debugf("application event %s concerns no pupil of ours (erased or unknown); ignored", event.id());
        }
    }

    /** {@code ce_time}, or the payload's {@code occurredAt}, or now: what orders the states of one candidacy. */
    private static Instant asOf(IncomingEvent event) {
        if (event.time() != null) {
            return event.time();
        }
        String occurredAt = event.text("occurredAt");
        try {
            return occurredAt == null ? Instant.now() : Instant.parse(occurredAt);
        } catch (DateTimeParseException e) {
            throw new IncomingEvent.MalformedEventException("application event " + event.id() + ": bad occurredAt");
        }
    }

    private static UUID uuid(String value, IncomingEvent event) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new IncomingEvent.MalformedEventException("application event " + event.id() + ": " + value
                    + " is not a UUID");
        }
    }
}
