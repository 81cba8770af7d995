package fr.tremplin.offers.consumers;

import fr.tremplin.common.events.EventHandler;
import fr.tremplin.common.events.EventIntake;
import fr.tremplin.common.events.IncomingEvent;
import fr.tremplin.offers.api.SchoolPriorityChanged;
import fr.tremplin.offers.service.SchoolPriorityService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Optional;

/**
 * Reads the {@code school.*} events of {@code tremplin.schools.v1} (the {@code pupil.*} ones are not for this
 * service): each school's priority goes to its local copy ({@link SchoolPriorityService}).
 */
@ApplicationScoped
public class SchoolEventsConsumer implements EventHandler<SchoolPriorityChanged> {

    private final EventIntake intake;
    private final SchoolPriorityService priorities;

    public SchoolEventsConsumer(EventIntake intake, SchoolPriorityService priorities) {
        this.intake = intake;
        this.priorities = priorities;
    }

    @Incoming("schools")
    @Blocking
    public void onSchoolEvent(ConsumerRecord<String, String> record) {
        intake.consume(record, this);
    }

    @Override
    public String name() {
        return "offers-service.schools";
    }

    @Override
    public Optional<SchoolPriorityChanged> read(IncomingEvent event) {
        if (!event.type().startsWith("school.")) {
            return Optional.empty();
        }
        String uai = event.text("uai") != null ? event.text("uai") : event.key();
        if (uai == null) {
            throw new IncomingEvent.MalformedEventException(event.type() + " event " + event.id() + " has no uai");
        }
        return Optional.of(new SchoolPriorityChanged(uai, event.required("priority"), event.text("department"),
                event.asOf()));
    }

    @Override
    public void apply(SchoolPriorityChanged change) {
        priorities.apply(change);
    }
}
