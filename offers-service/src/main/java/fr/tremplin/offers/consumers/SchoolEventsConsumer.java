package fr.tremplin.offers.consumers;

import fr.tremplin.common.events.EventHandler;
import fr.tremplin.common.events.EventIntake;
import fr.tremplin.common.events.IncomingEvent;
import fr.tremplin.offers.api.PupilErased;
import fr.tremplin.offers.api.SchoolEvent;
import fr.tremplin.offers.api.SchoolPriorityChanged;
import fr.tremplin.offers.service.EventReaders;
import fr.tremplin.offers.service.SchoolPriorityService;
import fr.tremplin.offers.service.StatisticsProjection;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Optional;

/**
 * Reads {@code tremplin.schools.v1}: each {@code school.*} event's priority goes to its local copy
 * ({@link SchoolPriorityService}); {@code pupil.erased} cuts the statistics' link to that pupil
 * ({@link StatisticsProjection#erase}). The other {@code pupil.*} events are not for this service.
 */
@ApplicationScoped
public class SchoolEventsConsumer implements EventHandler<SchoolEvent> {

    private final EventIntake intake;
    private final SchoolPriorityService priorities;
    private final StatisticsProjection statistics;

    public SchoolEventsConsumer(EventIntake intake, SchoolPriorityService priorities,
                                StatisticsProjection statistics) {
        this.intake = intake;
        this.priorities = priorities;
        this.statistics = statistics;
    }

    @Incoming("schools")
    @Blocking
    public void onSchoolEvents(ConsumerRecords<String, String> records) {
        intake.consume(records, this);
    }

    @Override
    public String name() {
        return "offers-service.schools";
    }

    @Override
    public Optional<SchoolEvent> read(IncomingEvent event) {
        return EventReaders.school(event);
    }

    @Override
    public void apply(SchoolEvent event) {
        switch (event) {
            case SchoolPriorityChanged change -> priorities.apply(change);
            case PupilErased erased -> statistics.erase(erased);
        }
    }
}
