package fr.tremplin.offers.consumers;

import fr.tremplin.common.events.EventHandler;
import fr.tremplin.common.events.EventIntake;
import fr.tremplin.common.events.IncomingEvent;
import fr.tremplin.offers.api.CandidacyStateChanged;
import fr.tremplin.offers.service.SeatBookingService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Optional;

/**
 * Reads {@code tremplin.applications.v1}: every event that carries a candidacy's offer, week and state updates the
 * local copy of the seats ({@link SeatBookingService}). The other events (agreements...) have no seat to account for.
 */
@ApplicationScoped
public class ApplicationEventsConsumer implements EventHandler<CandidacyStateChanged> {

    private final EventIntake intake;
    private final SeatBookingService seats;

    public ApplicationEventsConsumer(EventIntake intake, SeatBookingService seats) {
        this.intake = intake;
        this.seats = seats;
    }

    @Incoming("applications")
    @Blocking
    public void onApplicationEvent(ConsumerRecord<String, String> record) {
        intake.consume(record, this);
    }

    @Override
    public String name() {
        return "offers-service.applications";
    }

    @Override
    public Optional<CandidacyStateChanged> read(IncomingEvent event) {
        if (event.text("applicationId") == null || event.text("offerId") == null || event.text("week") == null
                || event.text("state") == null) {
            return Optional.empty(); // agreement or other events without a seat to account for
        }
        return Optional.of(new CandidacyStateChanged(event.requiredUuid("applicationId"),
                event.requiredUuid("offerId"), event.required("week"), event.required("state"), event.asOf()));
    }

    @Override
    public void apply(CandidacyStateChanged change) {
        seats.apply(change);
    }
}
