package fr.tremplin.examples.webhook;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What this example takes from one delivery: its {@code webhook-id} and, from the body
 * {@code {"type": ..., "timestamp": ..., "data": {...the feed message...}}} (docs/RELAYS.md, schemas in
 * docs/events/relay.candidacy.*), the type, the candidacy's application id, what happened and its state. No name and
 * no free text is ever sent.
 */
public record WebhookDelivery(String id, String type, String applicationId, String event, String state) {

    static WebhookDelivery parse(String id, String body) {
        return new WebhookDelivery(id, field(body, "type"), field(body, "applicationId"), field(body, "event"),
                field(body, "state"));
    }

    /**
     * The first string field of that name. Enough for this example, which stays on the JDK alone; a real receiver
     * reads the body with its JSON library (Jackson, Gson...).
     */
    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"\\\\]*)\"").matcher(json);
        return matcher.find() ? matcher.group(1) : null;
    }
}
