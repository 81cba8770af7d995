package fr.tremplin.applications.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tremplin.applications.service.SchoolReadModel;
import fr.tremplin.common.events.IncomingEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code tremplin.schools.v1} into the schools and pupils read models ({@link SchoolReadModel}). A record that is not
 * a readable event goes to {@code tremplin.schools.v1.dlq}; a transaction that lost a race is retried.
 */
@ApplicationScoped
public class SchoolEventsConsumer {

    private final SchoolReadModel schools;
    private final ObjectMapper mapper;

    public SchoolEventsConsumer(SchoolReadModel schools, ObjectMapper mapper) {
        this.schools = schools;
        this.mapper = mapper;
    }

    @Incoming("schools")
    @Blocking
    public void onSchoolEvent(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record, mapper);
        TransientFailures.retry("school event " + event.id(), () -> schools.apply(event));
    }
}
