package fr.tremplin.offers.consumers;

import fr.tremplin.common.events.EventHandler;
import fr.tremplin.common.events.EventIntake;
import fr.tremplin.common.events.IncomingEvent;
import fr.tremplin.offers.api.CandidacyStateChanged;
import fr.tremplin.offers.service.EventReaders;
import fr.tremplin.offers.service.SeatBookingService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Optional;

/**
 * Reads {@code tremplin.applications.v1}: every candidacy event ({@code application.*}, {@code agreement.signed},
 * {@code internship.completed}) updates the local copy of the seats and the candidacy's statistics fact
 * ({@link SeatBookingService}); one without its candidacy, offer, week, pupil or state is poison
 * ({@link EventReaders#candidacy}).
 */
@ApplicationScoped
public class ApplicationEventsConsumer implements EventHandler<CandidacyStateChanged> {

    private final EventIntake intake;
    private final SeatBookingService seats;

    public ApplicationEventsConsumer(EventIntake intake, SeatBookingService seats) {
        this.intake = intake;
        this.seats = seats;
    }

    /**
     * A campaign sends hundreds of candidacy events a second: the intake applies each poll's records in one
     * transaction, which keeps up where one transaction per event did not (docs/RELIABILITY.md), so polls are taken in
     * order, one at a time, and never hold the same seat rows against each other.
     */
    @Incoming("applications")
    @Blocking
    public void onApplicationEvents(ConsumerRecords<String, String> records) {
        intake.consume(records, this);
    }

    @Override
    public String name() {
        return "offers-service.applications";
    }

    @Override
    public Optional<CandidacyStateChanged> read(IncomingEvent event) {
        return EventReaders.candidacy(event);
    }

    @Override
    public void apply(CandidacyStateChanged change) {
        seats.apply(change);
    }
}
