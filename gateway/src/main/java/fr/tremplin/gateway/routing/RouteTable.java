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
    private static final List<Map.Entry<String, Service>> BY_LENGTH = PREFIXES.entrySet().stream()
            .sorted(Comparator.comparingInt((Map.Entry<String, Service> e) -> segments(e.getKey()).length)
                    .thenComparingInt(e -> e.getKey().length()).reversed())
            .toList();

    private RouteTable() {
    }

    /** A matched prefix and the service behind it. */
    public record Route(String prefix, Service service) {
    }

    /** The route for a normalised request path; a prefix matches whole segments only. */
    public static Optional<Route> resolve(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, Service> route : BY_LENGTH) {
            if (matches(route.getKey(), path)) {
                return Optional.of(new Route(route.getKey(), route.getValue()));
            }
        }
        return Optional.empty();
    }

    private static boolean matches(String prefix, String path) {
        if (!prefix.contains("*")) {
            return path.equals(prefix) || path.startsWith(prefix + "/");
        }
        String[] wanted = segments(prefix);
        String[] given = segments(path);
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
