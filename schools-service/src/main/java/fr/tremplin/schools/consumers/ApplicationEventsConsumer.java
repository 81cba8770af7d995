package fr.tremplin.schools.consumers;

import fr.tremplin.common.events.EventHandler;
import fr.tremplin.common.events.EventIntake;
import fr.tremplin.common.events.IncomingEvent;
import fr.tremplin.schools.api.CandidacyState;
import fr.tremplin.schools.domain.Placement;
import fr.tremplin.schools.service.PlacementService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Reads {@code tremplin.applications.v1} (group {@code schools-service}) to keep each pupil's placement, the way
 * every consumer of the platform does ({@link EventIntake}): the event id is recorded with the effect, so a
 * redelivery changes nothing; an unreadable event goes to the dead-letter topic and the partition moves on.
 */
@ApplicationScoped
public class ApplicationEventsConsumer implements EventHandler<CandidacyState> {

    static final String NAME = "schools-service.applications";
    private static final Logger LOG = Logger.getLogger(ApplicationEventsConsumer.class);

    private final EventIntake intake;
    private final PlacementService placements;

    public ApplicationEventsConsumer(EventIntake intake, PlacementService placements) {
        this.intake = intake;
        this.placements = placements;
    }

    @Incoming("applications")
    @Blocking
    public void onApplicationEvents(ConsumerRecords<String, String> records) {
        intake.consume(records, this);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Every event of the topic carries the candidacy, its pupil and its state after the change. */
    @Override
    public Optional<CandidacyState> read(IncomingEvent event) {
        return Optional.of(new CandidacyState(event.requiredUuid("applicationId"), event.requiredUuid("pupilId"),
                event.text("week"), event.required("state"), event.asOf()));
    }

    @Override
    public void apply(CandidacyState candidacy) {
        Placement placement = placements.apply(candidacy);
        if (placement == null) {
            LOG.debugf("candidacy %s concerns no pupil of ours (erased or unknown); ignored",
                    candidacy.applicationId());
        }
    }
}
