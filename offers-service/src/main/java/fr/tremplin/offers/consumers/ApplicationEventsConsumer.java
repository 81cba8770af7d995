package fr.tremplin.offers.consumers;

import fr.tremplin.common.events.EventIntake;
import fr.tremplin.common.events.IncomingEvent;
import fr.tremplin.common.events.PollHandler;
import fr.tremplin.offers.api.CandidacyStateChanged;
import fr.tremplin.offers.service.EventReaders;
import fr.tremplin.offers.service.SeatBookingService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;
import java.util.Optional;

/**
 * Reads {@code tremplin.applications.v1}: every candidacy event ({@code application.*}, {@code agreement.signed},
 * {@code internship.completed}) updates the local copy of the seats and the candidacy's statistics fact
 * ({@link SeatBookingService}); one without its candidacy, offer, week, pupil or state is poison
 * ({@link EventReaders#candidacy}).
 */
@ApplicationScoped
public class ApplicationEventsConsumer implements PollHandler<CandidacyStateChanged> {

    private final EventIntake intake;
    private final SeatBookingService seats;

    public ApplicationEventsConsumer(EventIntake intake, SeatBookingService seats) {
        this.intake = intake;
        this.seats = seats;
    }

    /**
     * A campaign sends hundreds of candidacy events a second: the intake applies each poll's new events in one
     * transaction, as two statement batches ({@link #applyAll}), which keeps up where one transaction per event did not
     * (docs/RELIABILITY.md). Each of the channel's two consumers ({@code concurrency=2}) takes its partitions' polls in
     * order; the rows written are a candidacy's, whose events all share one partition, so the two never write the same.
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

    /** The poll's new events as two statement batches (seat copies, statistics facts): a campaign's bulk of events. */
    @Override
    public void applyAll(List<CandidacyStateChanged> changes) {
        seats.applyAll(changes);
    }
}
