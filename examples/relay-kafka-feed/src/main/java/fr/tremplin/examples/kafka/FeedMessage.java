package fr.tremplin.examples.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What this example takes from one feed record (docs/RELAYS.md, schemas in docs/events/relay.candidacy.*): the
 * CloudEvent headers {@code ce_id} (deduplicate on it: delivery is at least once) and {@code ce_type}, the key (the
 * candidacy's application id), and from the JSON value what happened ({@code event}) and the candidacy's
 * {@code state}. The feed carries no name and no free text.
 *
 * @param type {@code relay.candidacy.changed}, {@code relay.candidacy.entered} or {@code relay.candidacy.left}
 */
public record FeedMessage(String eventId, String type, String applicationId, String event, String state) {

    public static FeedMessage from(ConsumerRecord<String, String> record) {
        return new FeedMessage(header(record, "ce_id"), header(record, "ce_type"), record.key(),
                field(record.value(), "event"), field(record.value(), "state"));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * A top-level string field of the flat JSON payload. Enough for this example, which stays on kafka-clients
     * alone; a real consumer reads the value with its JSON library (Jackson, Gson...).
     */
    static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"\\\\]*)\"").matcher(json);
        return matcher.find() ? matcher.group(1) : null;
    }
}
