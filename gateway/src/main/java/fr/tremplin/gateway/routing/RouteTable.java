package fr.tremplin.gateway.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which service answers which public path. This is the only place that knows it: add a prefix here
 * when a service publishes a new resource family. A {@code *} segment stands for one path segment (an id): a
 * programme is offers-service's ({@code /api/v1/programmes/{id}}), who goes to it is applications-service's
 * ({@code /api/v1/programmes/{id}/allocation}), and the prefix with more segments wins.
 */
public final class RouteTable {

    private static final Map<String, Service> PREFIXES = Map.ofEntries(
            Map.entry("/api/v1/offers", Service.OFFERS),
            Map.entry("/api/v1/operator", Service.OFFERS),
            Map.entry("/api/v1/ministries", Service.OFFERS),
            Map.entry("/api/v1/sectors", Service.OFFERS),
            Map.entry("/api/v1/organisations", Service.OFFERS),
            Map.entry("/api/v1/statistics", Service.OFFERS),
            Map.entry("/api/v1/quotas", Service.OFFERS),
            Map.entry("/api/v1/admin/reference-data", Service.OFFERS),
            Map.entry("/api/v1/admin/statistics", Service.OFFERS),
            Map.entry("/api/v1/programmes", Service.OFFERS),

            Map.entry("/api/v1/schools", Service.SCHOOLS),
            Map.entry("/api/v1/academies", Service.SCHOOLS),
            Map.entry("/api/v1/departments", Service.SCHOOLS),
            Map.entry("/api/v1/bassins", Service.SCHOOLS),
            Map.entry("/api/v1/pupils", Service.SCHOOLS),
            Map.entry("/api/v1/classes", Service.SCHOOLS),
            Map.entry("/api/v1/admin/schools", Service.SCHOOLS),
            Map.entry("/api/v1/territories", Service.SCHOOLS),

            Map.entry("/api/v1/applications", Service.APPLICATIONS),
            Map.entry("/api/v1/relays", Service.APPLICATIONS),
            Map.entry("/api/v1/agreements", Service.APPLICATIONS),
            Map.entry("/api/v1/signatures", Service.APPLICATIONS),
            Map.entry("/api/v1/notifications", Service.APPLICATIONS),
            Map.entry("/api/v1/notification-contacts", Service.APPLICATIONS),
            Map.entry("/api/v1/programmes/*/allocation", Service.APPLICATIONS),
            Map.entry("/api/v1/programmes/*/nominations", Service.APPLICATIONS),
            Map.entry("/api/v1/programmes/*/weeks", Service.APPLICATIONS),
            Map.entry("/api/v1/programmes/*/tutors", Service.APPLICATIONS),
            Map.entry("/api/v1/programmes/*/bilan", Service.APPLICATIONS));

    // Most segments first, then longest, so that a more specific prefix (e.g. /api/v1/programmes/*/allocation) wins.
    // Each prefix split and its Route made once: resolving runs for every request the gateway proxies.
    private static final List<Prefix> BY_SPECIFICITY = PREFIXES.entrySet().stream()
            .map(entry -> new Prefix(entry.getKey(), segments(entry.getKey()), entry.getKey().contains("*"),
                    new Route(entry.getKey(), entry.getValue())))
            .sorted(Comparator.comparingInt((Prefix prefix) -> prefix.segments().length)
                    .thenComparingInt(prefix -> prefix.text().length()).reversed())
            .toList();

    private RouteTable() {
    }

    /** A matched prefix and the service behind it. */
    public record Route(String prefix, Service service) {
    }

    private record Prefix(String text, String[] segments, boolean templated, Route route) {
    }

    /** The route for a normalised request path; a prefix matches whole segments only. */
    public static Optional<Route> resolve(String path) {
        if (path == null) {
            return Optional.empty();
        }
        String[] given = null;
        for (Prefix prefix : BY_SPECIFICITY) {
            boolean matched;
            if (prefix.templated()) {
                if (given == null) {
                    given = segments(path);
                }
                matched = matches(prefix.segments(), given);
            } else {
                matched = path.startsWith(prefix.text())
                        && (path.length() == prefix.text().length() || path.charAt(prefix.text().length()) == '/');
            }
            if (matched) {
                return Optional.of(prefix.route());
            }
        }
        return Optional.empty();
    }

    private static boolean matches(String[] wanted, String[] given) {
        if (given.length < wanted.length) {
            return false;
        }
        for (int i = 0; i < wanted.length; i++) {
            boolean same = wanted[i].equals("*") ? !given[i].isEmpty() : wanted[i].equals(given[i]);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private static String[] segments(String path) {
        return path.split("/", -1);
    }

    public static Map<String, Service> prefixes() {
        return PREFIXES;
    }
}
