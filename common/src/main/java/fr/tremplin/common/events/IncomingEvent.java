package fr.tremplin.common.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** A CloudEvent read back from a Kafka record in binary mode. */
public record IncomingEvent(String id, String type, String source, String subject, Instant time, String key,
                            JsonNode data) {

    /** Rejects (so that the record goes to the dead-letter topic) anything that is not a well-formed event. */
    public static IncomingEvent from(ConsumerRecord<String, ?> record, ObjectMapper mapper) {
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        if (id == null || type == null) {
            throw new MalformedEventException("missing ce_id or ce_type header");
        }
        String time = header(record, CloudEventHeaders.TIME);
        try {
            Object value = record.value();
            JsonNode data = value instanceof byte[] bytes ? mapper.readTree(bytes) : mapper.readTree(String.valueOf(value));
            if (data == null || !data.isObject()) {
                throw new MalformedEventException("payload of " + id + " is not a JSON object");
            }
            return new IncomingEvent(id, type, header(record, CloudEventHeaders.SOURCE),
                    header(record, CloudEventHeaders.SUBJECT), time == null ? null : Instant.parse(time),
                    record.key(), data);
        } catch (IOException | java.time.format.DateTimeParseException e) {
            throw new MalformedEventException("unreadable event " + id + ": " + e.getMessage());
        }
    }

    public static String header(ConsumerRecord<String, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public String text(String field) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    /** A field the consumer cannot do without: missing, it makes the event poison. */
    public String required(String field) {
        String value = text(field);
        if (value == null) {
            throw new MalformedEventException(type + " event " + id + " has no " + field);
        }
        return value;
    }

    /** A UUID field, or null when absent; unreadable, it makes the event poison. */
    public UUID uuid(String field) {
        String value = text(field);
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(type + " event " + id + ": " + field + " is not a UUID");
        }
    }

    /** A UUID field the consumer cannot do without. */
    public UUID requiredUuid(String field) {
        required(field);
        return uuid(field);
    }

    /**
     * When the change happened, which orders the events of one entity: {@code ce_time}, else the payload's
     * {@code occurredAt}, else now.
     */
    public Instant asOf() {
        if (time != null) {
            return time;
        }
        String occurredAt = text("occurredAt");
        try {
            return occurredAt == null ? Instant.now() : Instant.parse(occurredAt);
        } catch (java.time.format.DateTimeParseException e) {
            throw new MalformedEventException(type + " event " + id + ": occurredAt is not an instant");
        }
    }

    public static class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}
