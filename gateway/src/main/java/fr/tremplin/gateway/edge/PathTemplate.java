package fr.tremplin.gateway.edge;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import fr.tremplin.gateway.routing.RouteTable;

/**
 * The path as the access log writes it: a route template, never a token or a person's id. A raw path can carry
 * the family's one-time signing link ({@code /api/v1/signatures/{token}}) or a pupil's id, and whoever reads logs
 * must not be able to use them.
 *
 * <p>Only the words of the platform's routes are kept (the services' {@code @Path} literals, the route table's
 * prefixes, the gateway's own {@code /q/...} endpoints); every other segment becomes {@code {id}}, so that an
 * unknown word is redacted rather than leaked, and the one after {@code signatures} becomes {@code {token}}. The
 * path is taken after dot segments are resolved, the path the service acts on.
 */
public final class PathTemplate {

    public static final String ID = "{id}";
    public static final String TOKEN = "{token}";

    // The literal segments of the services' routes (their @Path templates) and of the route table's prefixes.
    private static final Set<String> WORDS = Stream.concat(
            Stream.of("api", "v1", "academies", "admin", "reference-data", "import", "schools", "statistics",
                    "agreements", "applications", "seats", "classes", "offers", "operator", "organisations",
                    "pupils", "quotas", "relays", "signatures", "territories", "bassins", "overview",
                    "pupils-without-placement", "batch", "departments", "managed", "me", "ministries", "rebuild",
                    "school-years", "rollover", "sectors", "accept", "cancel", "complete", "confirm", "forward",
                    "publish", "redirect", "reject", "sign", "signing-link", "tutor", "document", "family", "schedule", "unpublish", "queue", "claim",
                    "activate", "deactivate",
                    // the parties of /api/v1/notification-contacts/{party}/{partyId}, and an email sent again
                    "hosts", "families", "resend",
                    "placement-summary", "staff", "weeks", "history",
                    // The gateway's own endpoints.
                    "q", "health", "live", "ready", "started", "metrics", "openapi", "swagger-ui"),
            RouteTable.prefixes().keySet().stream().flatMap(prefix -> Stream.of(prefix.split("/"))))
            .filter(word -> !word.isEmpty() && !word.equals("*"))
            .collect(Collectors.toUnmodifiableSet());

    private PathTemplate() {
    }

    public static String of(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        String[] segments = path.split("/", -1);
        StringBuilder template = new StringBuilder(Math.min(path.length(), 256));
        String previous = "";
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (i > 0) {
                template.append('/');
            }
            if (segment.isEmpty()) {
                previous = segment;
                continue;
            }
            String lower = segment.toLowerCase(Locale.ROOT);
            if ("signatures".equals(previous)) {
                template.append(TOKEN);
            } else if (!WORDS.contains(lower)) {
                template.append(ID);
            } else {
                template.append(segment);
            }
            previous = lower;
        }
        return template.toString();
    }
}
