package fr.tremplin.applications.service.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.tremplin.applications.config.NotificationConfig;
import fr.tremplin.applications.domain.notifications.NotificationKind;
import fr.tremplin.applications.domain.notifications.Recipient;
import io.quarkus.mailer.Mail;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an email from its Qute template ({@code templates/notifications/<kind>.txt}, in French): the data the event
 * queued, the dates in words (Paris time), the links (candidacy, agreement, signing link, the recipient's preferences).
 * Every template ends with {@code footer.txt}: why the recipient gets it and how to stop.
 */
@ApplicationScoped
public class NotificationMails {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Locale FRENCH = Locale.FRENCH;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", FRENCH);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH'h'mm", FRENCH);

    private static final java.util.Set<String> SEAT_STATES = java.util.Set.of("ACCEPTED", "CONFIRMED", "AGREEMENT_SIGNED");

    private final Engine engine;
    private final NotificationConfig config;
    private final ObjectMapper mapper;
    private final Map<NotificationKind, Template> subjects = new EnumMap<>(NotificationKind.class);

    public NotificationMails(Engine engine, NotificationConfig config, ObjectMapper mapper) {
        this.engine = engine;
        this.config = config;
        this.mapper = mapper;
        for (NotificationKind kind : NotificationKind.values()) {
            subjects.put(kind, engine.parse(kind.subject()));
        }
    }

    /** The email of {@code kind} to {@code address}; {@code signingUrl} only for SIGNING_LINK. */
    public Mail write(NotificationKind kind, Recipient recipient, String address, String dataJson, String signingUrl,
                      Instant linkExpires) {
        Map<String, Object> data = data(kind, recipient, read(dataJson));
        data.put("signingUrl", signingUrl == null ? "" : signingUrl);
        data.put("linkExpires", linkExpires == null ? "" : MOMENT.format(linkExpires.atZone(PARIS)));
        Template body = engine.getTemplate("notifications/" + kind.template());
        if (body == null) {
            throw new IllegalStateException("no template notifications/" + kind.template());
        }
        Mail mail = Mail.withText(address, subjects.get(kind).render(data), body.render(data));
        mail.addHeader("Auto-Submitted", "auto-generated");
        if (!kind.essential()) {
            mail.addHeader("List-Unsubscribe", "<" + data.get("preferencesUrl") + ">");
        }
        return mail;
    }

    private Map<String, Object> data(NotificationKind kind, Recipient recipient, Map<String, Object> queued) {
        Map<String, Object> data = new HashMap<>(describe(queued));
        data.put("essential", kind.essential());
        data.put("preferencesUrl", config.publicUrl() + "/api/v1/notification-contacts/" + recipient.kind().segment()
                + "/" + recipient.id());
        Object items = queued.get("items");
        data.put("items", items instanceof List<?> list ? list.stream()
                .map(item -> describe(cast(item))).toList() : List.of());
        return data;
    }

    /** One candidacy's words and links. */
    private Map<String, Object> describe(Map<String, Object> queued) {
        Map<String, Object> data = new HashMap<>();
        data.put("offerTitle", text(queued.get("offerTitle")));
        data.put("week", text(queued.get("week")));
        Object startsOn = queued.get("startsOn");
        data.put("startsOn", startsOn == null ? "" : DAY.format(LocalDate.parse(startsOn.toString())));
        Object hold = queued.get("holdExpiresAt");
        data.put("holdEnds", hold == null ? "" : MOMENT.format(instant(hold).atZone(PARIS)));
        String state = text(queued.get("state"));
        data.put("endedAs", "EXPIRED".equals(state) ? "expirée" : "annulée");
        // a seat was held (ACCEPTED) or taken (CONFIRMED, AGREEMENT_SIGNED) until the candidacy ended
        data.put("seatReleased", SEAT_STATES.contains(text(queued.get("previousState"))));
        data.put("candidacyUrl", config.publicUrl() + "/api/v1/applications/" + text(queued.get("applicationId")));
        Object agreementId = queued.get("agreementId");
        data.put("agreementUrl", agreementId == null ? "" : config.publicUrl() + "/api/v1/agreements/" + agreementId);
        return data;
    }

    /** A timestamp as Jackson writes it (ISO, or seconds) or as PostgreSQL's {@code to_jsonb} does (with an offset). */
    static Instant instant(Object value) {
        if (value instanceof Number seconds) {
            return Instant.ofEpochMilli(Math.round(seconds.doubleValue() * 1000));
        }
        return OffsetDateTime.parse(value.toString()).toInstant();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object item) {
        return item instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private Map<String, Object> read(String json) {
        try {
            return mapper.readValue(json, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable notification data", e);
        }
    }
}
