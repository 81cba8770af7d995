package fr.tremplin.offers.consumers;

import fr.tremplin.common.events.EventHandler;
import fr.tremplin.common.events.EventIntake;
import fr.tremplin.common.events.IncomingEvent;
import fr.tremplin.offers.api.OfferChanged;
import fr.tremplin.offers.service.EventReaders;
import fr.tremplin.offers.service.StatisticsProjection;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Optional;

/**
 * Reads this service's own {@code tremplin.offers.v1} back, like any consumer would: the statistics count what was
 * published, as the events say it, not what the offer tables hold now ({@link StatisticsProjection}).
 */
@ApplicationScoped
public class OfferEventsConsumer implements EventHandler<OfferChanged> {

    private final EventIntake intake;
    private final StatisticsProjection statistics;

    public OfferEventsConsumer(EventIntake intake, StatisticsProjection statistics) {
        this.intake = intake;
        this.statistics = statistics;
    }

    @Incoming("offers")
    @Blocking
    public void onOfferEvents(ConsumerRecords<String, String> records) {
        intake.consume(records, this);
    }

    @Override
    public String name() {
        return "offers-service.offers";
    }

    @Override
    public Optional<OfferChanged> read(IncomingEvent event) {
        return EventReaders.offer(event);
    }

    @Override
    public void apply(OfferChanged change) {
        statistics.offer(change);
    }
}
