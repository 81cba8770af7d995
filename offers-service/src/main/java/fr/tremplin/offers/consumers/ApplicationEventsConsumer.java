package fr.tremplin.offers.consumers;

import fr.tremplin.common.events.EventHandler;
import fr.tremplin.common.events.EventIntake;
import fr.tremplin.common.events.IncomingEvent;
import fr.tremplin.offers.api.CandidacyStateChanged;
import fr.tremplin.offers.service.EventReaders;
import fr.tremplin.offers.service.SeatBookingService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
     * Not in order, several at a time: a campaign sends hundreds of candidacy events a second, more than one
     * transaction after another can keep up with, and what they update does not depend on arrival order (the seat
     * copy keeps the newest state by time, the statistics fact the newest state and the earliest milestones). The
     * offsets are still committed only up to the oldest event not yet applied.
     */
    @Incoming("applications")
    @Blocking(ordered = false)
    public void onApplicationEvent(ConsumerRecord<String, String> record) {
        intake.consume(record, this);
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
