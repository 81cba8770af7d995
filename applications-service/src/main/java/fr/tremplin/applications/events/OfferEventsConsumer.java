package fr.tremplin.applications.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tremplin.applications.service.OfferReadModel;
import fr.tremplin.common.events.IncomingEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code tremplin.offers.v1} into the offers read model and the seat ledger ({@link OfferReadModel}). A record that
 * is not a readable event goes to {@code tremplin.offers.v1.dlq}; a transaction that lost a race is retried.
 */
@ApplicationScoped
public class OfferEventsConsumer {

    private final OfferReadModel offers;
    private final ObjectMapper mapper;

    public OfferEventsConsumer(OfferReadModel offers, ObjectMapper mapper) {
        this.offers = offers;
        this.mapper = mapper;
    }

    @Incoming("offers")
    @Blocking
    public void onOfferEvent(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record, mapper);
        TransientFailures.retry("offer event " + event.id(), () -> offers.apply(event));
    }
}
